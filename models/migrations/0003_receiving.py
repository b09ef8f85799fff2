from tortoise import migrations
from tortoise.migrations import operations as ops
from tortoise.fields.base import OnDelete
from tortoise import fields
from tortoise.indexes import Index

class Migration(migrations.Migration):
    dependencies = [('models', '0002_offers_audit_outbox')]

    initial = False

    operations = [
        ops.CreateModel(
            name='BillableLine',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('environment', fields.ForeignKeyField('models.Environment', source_field='environment_id', db_constraint=True, to_field='id', related_name='billable_lines', on_delete=OnDelete.RESTRICT)),
                ('item', fields.OneToOneField('models.MigrationItem', source_field='item_id', db_constraint=True, to_field='id', related_name='billable_line', on_delete=OnDelete.RESTRICT)),
                ('description', fields.CharField(max_length=300)),
                ('accepted_by_name', fields.CharField(max_length=200)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=False)),
            ],
            options={'table': 'billable_line', 'app': 'models', 'pk_attr': 'id', 'table_description': 'A charge to the receiving environment for one administration received (rule 8).'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='CodeAttempt',
            fields=[
                ('id', fields.BigIntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('user', fields.ForeignKeyField('models.User', source_field='user_id', db_constraint=True, to_field='id', related_name=False, on_delete=OnDelete.CASCADE)),
                ('environment', fields.ForeignKeyField('models.Environment', source_field='environment_id', db_constraint=True, to_field='id', related_name=False, on_delete=OnDelete.CASCADE)),
                ('at', fields.DatetimeField(auto_now=False, auto_now_add=False)),
            ],
            options={'table': 'code_attempt', 'app': 'models', 'indexes': [Index(fields=['user_id', 'at']), Index(fields=['environment_id', 'at'])], 'pk_attr': 'id', 'table_description': 'One failed transfer-code entry, counted per user and per environment (rule 9).'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='MigrationRecipient',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('migration', fields.ForeignKeyField('models.Migration', source_field='migration_id', db_constraint=True, to_field='id', related_name='recipient_rows', on_delete=OnDelete.CASCADE)),
                ('email', fields.CharField(db_index=True, max_length=254)),
            ],
            options={'table': 'migration_recipient', 'app': 'models', 'unique_together': (('migration', 'email'),), 'pk_attr': 'id', 'table_description': 'One addressee of an offer, so the receiving side finds the offers meant for it.'},
            bases=['Model'],
        ),
        ops.AddField(
            model_name='MigrationItem',
            name='bytes_total',
            field=fields.BigIntField(default=0),
        ),
        ops.AddField(
            model_name='MigrationItem',
            name='checksums_verified',
            field=fields.BooleanField(default=False),
        ),
        ops.AddField(
            model_name='MigrationItem',
            name='completed_at',
            field=fields.DatetimeField(null=True, auto_now=False, auto_now_add=False),
        ),
        ops.AddField(
            model_name='MigrationItem',
            name='lease_until',
            field=fields.DatetimeField(null=True, auto_now=False, auto_now_add=False),
        ),
        ops.AddField(
            model_name='MigrationItem',
            name='move_attempts',
            field=fields.IntField(default=0),
        ),
        ops.AddField(
            model_name='MigrationItem',
            name='received_by_email',
            field=fields.CharField(default='', max_length=254),
        ),
        ops.AddField(
            model_name='MigrationItem',
            name='received_by_name',
            field=fields.CharField(default='', max_length=200),
        ),
        ops.AddField(
            model_name='MigrationItem',
            name='started_at',
            field=fields.DatetimeField(null=True, auto_now=False, auto_now_add=False),
        ),
        ops.AddField(
            model_name='MigrationItem',
            name='target_environment',
            field=fields.ForeignKeyField('models.Environment', source_field='target_environment_id', null=True, db_constraint=True, to_field='id', related_name=False, on_delete=OnDelete.RESTRICT),
        ),
    ]
