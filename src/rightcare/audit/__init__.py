"""Append-only, hash-chained audit log: `record` in the caller's transaction, `verify` the chain."""

from rightcare.audit.service import AuditDetailsError, VerifyResult, record, verify

__all__ = ["AuditDetailsError", "VerifyResult", "record", "verify"]
