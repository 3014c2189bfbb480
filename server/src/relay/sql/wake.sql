-- This relay polls from now on: writers need not ring for it.
select app_private.doorbell_wake()
