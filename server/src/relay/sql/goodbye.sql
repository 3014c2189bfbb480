-- A relay that stops unregisters, so writers stop counting on it at once.
delete from app_private.relays where id = $1
