"""Publishing: the engine-neutral flow, blog accounts and slugs; one package per engine."""
