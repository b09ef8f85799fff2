from tortoise import migrations
from tortoise.migrations import operations as ops
from tortoise.fields.base import OnDelete
from tortoise import fields
from tortoise.indexes import Index

class Migration(migrations.Migration):
    dependencies = [('models', '0011_progress_news')]

    initial = False

    operations = [
        ops.CreateModel(
            name='RecipientCheck',
            fields=[
                ('id', fields.BigIntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('user', fields.ForeignKeyField('models.User', source_field='user_id', db_constraint=True, to_field='id', related_name=False, on_delete=OnDelete.CASCADE)),
                ('environment', fields.ForeignKeyField('models.Environment', source_field='environment_id', db_constraint=True, to_field='id', related_name=False, on_delete=OnDelete.CASCADE)),
                ('actor_name', fields.CharField(max_length=200)),
                ('email', fields.CharField(max_length=254)),
                ('at', fields.DatetimeField(auto_now=False, auto_now_add=False)),
            ],
            options={'table': 'recipient_check', 'app': 'models', 'indexes': [Index(fields=['user_id', 'at']), Index(fields=['environment_id', 'at'])], 'pk_attr': 'id', 'table_description': 'One address a user looked up as a recipient, counted against their limit (rule 7).'},
            bases=['Model'],
        ),
    ]
