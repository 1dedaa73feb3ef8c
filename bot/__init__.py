"""The Telegram bot (python-telegram-bot): it only translates between chats and the answer API."""
