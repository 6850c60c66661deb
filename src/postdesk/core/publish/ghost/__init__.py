"""Publishing to Ghost through its Admin API."""
