"""xAPI 1.0.3 for training: statements built from attempts and answers, validated, queued in
the same transaction, and sent to a Learning Record Store by the outbox's sender."""
