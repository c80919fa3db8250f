.PHONY: help demo test lock

help: ## List the commands
	@grep -E "^[a-z-]+:.*## " $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*## "}; {printf "  make %-6s %s\n", $$1, $$2}'

demo: ## Run the portal with demo content at http://127.0.0.1:8000 or PORTAL_ADDRESS (SQLite)
	scripts/demo.sh

test: ## Run every test against PostgreSQL and a real Elasticsearch node
	scripts/test.sh

lock: ## Pin every dependency of pyproject.toml, with hashes, in requirements/
	scripts/lock.sh
