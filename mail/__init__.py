"""Mail: a notice written out in its language, sent over SMTP, its delivery kept per recipient."""
