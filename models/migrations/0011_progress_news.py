"""PostgreSQL announces the changes live screens and open sockets wait for (LISTEN/NOTIFY).

An item's status or progress changing notifies 'overdracht_progress' with its migration's id;
a token revoked or changed, or its user deactivated or given another role, notifies
'overdracht_access' with 'token:<id>' or 'user:<id>'. Updates that change none of those
columns (a lease renewed, a heartbeat without progress) notify nothing. What a progress
subscriber sees of the offer itself (its expiry, its recipients) is written to its items in the
same transaction, so the items' trigger covers it. SQLite has no NOTIFY: nothing happens there.
"""

from collections.abc import Awaitable, Callable

from tortoise import migrations
from tortoise.migrations import operations as ops
from tortoise.migrations.schema_editor.base import BaseSchemaEditor
from tortoise.migrations.schema_generator.state_apps import StateApps

# The item's columns a progress subscriber sees.
PROGRESS_COLUMNS = (
    "status",
    "status_changed_at",
    "documents_done",
    "documents_total",
    "bytes_total",
    "failure",
    "reason",
    "expires_at",
    "recipients_text",
    "target_environment_id",
    "target_connection_id",
    "target_code",
    "move_attempts",
    "started_at",
    "completed_at",
    "checksums_verified",
)
TOKEN_COLUMNS = ("user_id", "scope", "revoked_at", "expires_at")
USER_COLUMNS = ("environment_id", "role", "is_active")


def _changed(columns: tuple[str, ...]) -> str:
    old = ", ".join(f"OLD.{column}" for column in columns)
    new = ", ".join(f"NEW.{column}" for column in columns)
    return f"(({old}) IS DISTINCT FROM ({new}))"


FORWARD = f"""
CREATE OR REPLACE FUNCTION overdracht_progress_news() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('overdracht_progress', NEW.migration_id::text);
    RETURN NULL;
END $$;
CREATE TRIGGER migration_item_added_news AFTER INSERT ON migration_item
    FOR EACH ROW EXECUTE FUNCTION overdracht_progress_news();
CREATE TRIGGER migration_item_progress_news AFTER UPDATE ON migration_item
    FOR EACH ROW WHEN {_changed(PROGRESS_COLUMNS)}
    EXECUTE FUNCTION overdracht_progress_news();

CREATE OR REPLACE FUNCTION overdracht_token_news() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('overdracht_access', 'token:' || OLD.id::text);
    RETURN NULL;
END $$;
CREATE TRIGGER api_token_changed_news AFTER UPDATE ON api_token
    FOR EACH ROW WHEN {_changed(TOKEN_COLUMNS)}
    EXECUTE FUNCTION overdracht_token_news();
CREATE TRIGGER api_token_deleted_news AFTER DELETE ON api_token
    FOR EACH ROW EXECUTE FUNCTION overdracht_token_news();

CREATE OR REPLACE FUNCTION overdracht_user_news() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('overdracht_access', 'user:' || OLD.id::text);
    RETURN NULL;
END $$;
CREATE TRIGGER user_account_changed_news AFTER UPDATE ON user_account
    FOR EACH ROW WHEN {_changed(USER_COLUMNS)}
    EXECUTE FUNCTION overdracht_user_news();
CREATE TRIGGER user_account_deleted_news AFTER DELETE ON user_account
    FOR EACH ROW EXECUTE FUNCTION overdracht_user_news();
"""

BACKWARD = """
DROP TRIGGER IF EXISTS migration_item_added_news ON migration_item;
DROP TRIGGER IF EXISTS migration_item_progress_news ON migration_item;
DROP FUNCTION IF EXISTS overdracht_progress_news();
DROP TRIGGER IF EXISTS api_token_changed_news ON api_token;
DROP TRIGGER IF EXISTS api_token_deleted_news ON api_token;
DROP FUNCTION IF EXISTS overdracht_token_news();
DROP TRIGGER IF EXISTS user_account_changed_news ON user_account;
DROP TRIGGER IF EXISTS user_account_deleted_news ON user_account;
DROP FUNCTION IF EXISTS overdracht_user_news();
"""


def _on_postgres(sql: str) -> Callable[[StateApps, BaseSchemaEditor], Awaitable[None]]:
    async def run(apps: StateApps, schema_editor: BaseSchemaEditor) -> None:
        if schema_editor.client.capabilities.dialect == "postgres":
            await schema_editor.client.execute_script(sql)

    return run


class Migration(migrations.Migration):
    dependencies = [('models', '0010_file_store_home')]

    initial = False

    operations = [
        ops.RunPython(_on_postgres(FORWARD), _on_postgres(BACKWARD)),
    ]
