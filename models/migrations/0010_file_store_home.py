from tortoise import migrations
from tortoise.migrations import operations as ops
from tortoise import fields
from tortoise.indexes import Index


class Migration(migrations.Migration):
    dependencies = [('models', '0009_file_checks')]

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
    ]
