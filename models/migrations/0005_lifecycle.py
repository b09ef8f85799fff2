from tortoise import migrations
from tortoise.migrations import operations as ops
from models.enums import AuditAction, MoveFailure
from tortoise import fields

class Migration(migrations.Migration):
    dependencies = [('models', '0004_token_expiry')]

    initial = False

    operations = [
        ops.AlterField(
            model_name='AuditEvent',
            name='action',
            field=fields.CharEnumField(description='OFFERED: OFFERED\nCODE_ATTEMPT_FAILED: CODE_ATTEMPT_FAILED\nWITHDRAWN: WITHDRAWN\nREJECTED: REJECTED\nRECEIVED: RECEIVED\nSTARTED: STARTED\nCOMPLETED: COMPLETED\nFAILED: FAILED\nEXPIRED: EXPIRED\nCANCELLED: CANCELLED\nRETRIED: RETRIED\nGAVE_UP: GAVE_UP\nRECIPIENTS_CHANGED: RECIPIENTS_CHANGED\nOFFER_RESENT: OFFER_RESENT\nEXPIRY_EXTENDED: EXPIRY_EXTENDED', enum_type=AuditAction, max_length=24),
        ),
        ops.AlterModelOptions(
            name='BillableLine',
            options={'table': 'billable_line', 'app': 'models', 'pk_attr': 'id', 'table_description': 'A charge to the receiving environment for one administration moved (rule 8).'},
        ),
        ops.AddField(
            model_name='BillableLine',
            name='amount',
            field=fields.DecimalField(default=0, max_digits=12, decimal_places=2),
        ),
        ops.AddField(
            model_name='BillableLine',
            name='currency',
            field=fields.CharField(default='EUR', max_length=3),
        ),
        ops.AddField(
            model_name='MigrationItem',
            name='failure',
            field=fields.CharEnumField(null=True, description='FILE_DAMAGED: FILE_DAMAGED\nFILE_MISSING: FILE_MISSING\nFILE_UNREADABLE: FILE_UNREADABLE\nCHECKLIST_FAILED: CHECKLIST_FAILED\nTARGET_NOT_PREMIUM: TARGET_NOT_PREMIUM\nCONNECTION_GONE: CONNECTION_GONE\nDUPLICATE_IN_TARGET: DUPLICATE_IN_TARGET\nCODE_IN_USE: CODE_IN_USE\nARCHIVE_CHANGED: ARCHIVE_CHANGED\nSOURCE_CHANGED: SOURCE_CHANGED', enum_type=MoveFailure, max_length=24),
        ),
        # Lines used to be written at the claim; from now on at completion. A move that has
        # not completed is charged nothing, so its early line goes.
        ops.RunSQL(
            "DELETE FROM billable_line WHERE item_id IN "
            "(SELECT id FROM migration_item WHERE status <> 'COMPLETED')"
        ),
    ]
