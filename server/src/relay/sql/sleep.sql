-- This relay may sleep from now on: writers that see the doorbell lock held ring (NOTIFY).
select app_private.doorbell_sleep()
