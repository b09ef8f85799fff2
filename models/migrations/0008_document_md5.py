from tortoise import migrations
from tortoise.migrations import operations as ops
from models.enums import MoveFailure
from tortoise import fields

class Migration(migrations.Migration):
    dependencies = [('models', '0007_idempotency')]

    initial = False

    operations = [
        ops.AddField(
            model_name='Document',
            name='md5',
            field=fields.CharField(null=True, max_length=32),
        ),
        ops.AlterField(
            model_name='MigrationItem',
            name='failure',
            field=fields.CharEnumField(null=True, description='FILE_DAMAGED: FILE_DAMAGED\nFILE_MISSING: FILE_MISSING\nFILE_UNREADABLE: FILE_UNREADABLE\nCHECKLIST_FAILED: CHECKLIST_FAILED\nTARGET_NOT_PREMIUM: TARGET_NOT_PREMIUM\nCONNECTION_GONE: CONNECTION_GONE\nDUPLICATE_IN_TARGET: DUPLICATE_IN_TARGET\nCODE_IN_USE: CODE_IN_USE\nARCHIVE_CHANGED: ARCHIVE_CHANGED\nSOURCE_CHANGED: SOURCE_CHANGED\nSTORAGE_UNAVAILABLE: STORAGE_UNAVAILABLE', enum_type=MoveFailure, max_length=24),
        ),
    ]
