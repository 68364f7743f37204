"""The action modules of /api.php, one per file (action=edit, action=login, ...)."""
