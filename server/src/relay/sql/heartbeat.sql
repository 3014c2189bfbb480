-- This relay is alive, and whether it is draining (polling, so writers need not ring).
select app_private.relay_heartbeat($1, $2)
