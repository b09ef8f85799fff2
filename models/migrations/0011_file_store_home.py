from typing import Any

from tortoise import migrations
from tortoise.migrations import operations as ops
from overdracht.clock import SystemClock
from tortoise import fields
from tortoise.indexes import Index


async def record_local_home(apps: Any, editor: Any) -> None:
    # A database that already has documents has their files on the local disk, where every
    # installation kept them before a bucket could be configured.
    client = editor.client
    postgres = client.capabilities.dialect == "postgres"
    now = SystemClock().now()
    placeholder = "$1" if postgres else "?"
    await client.execute_query(
        "INSERT INTO file_store_home (id, location, recorded_at) "
        f"SELECT 1, 'local', {placeholder} WHERE EXISTS (SELECT 1 FROM document)",
        [now if postgres else now.isoformat(" ")],
    )


class Migration(migrations.Migration):
    dependencies = [('models', '0008_document_md5')]

    initial = False

    operations = [
        ops.CreateModel(
            name='FileStoreHome',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('location', fields.CharField(max_length=1100)),
                ('recorded_at', fields.DatetimeField(auto_now=False, auto_now_add=False)),
            ],
            options={'table': 'file_store_home', 'app': 'models', 'pk_attr': 'id', 'table_description': "The one row saying where the documents' files live, and since when."},
            bases=['Model'],
        ),
        # `overdracht storage copy` walks the distinct keys in the order a bucket lists them.
        ops.AddIndex(
            model_name='Document',
            index=Index(fields=['storage_key']),
        ),
        ops.RunPython(record_local_home),
    ]
