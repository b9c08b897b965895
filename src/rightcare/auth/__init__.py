"""Sign-in and roles: local accounts (argon2id), API tokens, and who may see personal details."""
