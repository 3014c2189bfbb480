-- This relay polls from now on: writers need not ring for it.
select pg_advisory_unlock_shared(app_private.doorbell_lock_key(), 1)
