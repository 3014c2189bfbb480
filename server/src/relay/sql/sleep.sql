-- This relay may sleep from now on: writers that see the doorbell lock held ring (NOTIFY).
select pg_advisory_lock_shared(app_private.doorbell_lock_key(), 1)
