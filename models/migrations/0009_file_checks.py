from tortoise import migrations
from tortoise.migrations import operations as ops
from overdracht.filestore import FileProblem
from overdracht.settings import MoveVerification
from tortoise import fields
from tortoise.indexes import Index

class Migration(migrations.Migration):
    dependencies = [('models', '0008_document_md5')]

    initial = False

    operations = [
        ops.CreateModel(
            name='ScrubRound',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('after_document_id', fields.BigIntField(default=0)),
                ('round_started_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
                ('rounds_completed', fields.IntField(default=0)),
                ('last_round_completed_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
            ],
            options={'table': 'scrub_round', 'app': 'models', 'pk_attr': 'id', 'table_description': 'One row: the last document checked in this round, so any worker takes the next batch.'},
            bases=['Model'],
        ),
        ops.AddField(
            model_name='Document',
            name='damage',
            field=fields.CharEnumField(null=True, description='MISSING: MISSING\nUNREADABLE: UNREADABLE\nDAMAGED: DAMAGED', enum_type=FileProblem, max_length=16),
        ),
        ops.AddField(
            model_name='Document',
            name='damage_found_at',
            field=fields.DatetimeField(null=True, auto_now=False, auto_now_add=False),
        ),
        ops.AddIndex(
            model_name='Document',
            index=Index(fields=['administration_id', 'storage_key']),
        ),
        ops.AddField(
            model_name='MigrationItem',
            name='verification',
            field=fields.CharEnumField(null=True, description='READ: READ\nLISTING: LISTING', enum_type=MoveVerification, max_length=16),
        ),
        # Moves completed before this migration read every file back.
        ops.RunSQL(
            "UPDATE migration_item SET verification = 'READ' "
            "WHERE status = 'COMPLETED' AND checksums_verified"
        ),
    ]
