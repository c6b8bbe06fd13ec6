"""The moderation API: thin views, one per operation, moderators and admins only
(except the author's appeal)."""
