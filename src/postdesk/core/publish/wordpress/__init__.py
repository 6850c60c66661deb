"""The WordPress engine: a REST API client and its errors."""
