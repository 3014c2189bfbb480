-- Count the notifications of transactions finished since the last refresh (for getUnreadCount).
select app_private.refresh_notification_counts()
