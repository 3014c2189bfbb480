-- Forget relays that died without saying goodbye, and user events every relay has long read.
select app_private.relay_prune()
