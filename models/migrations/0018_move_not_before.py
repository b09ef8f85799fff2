"""The moment a received move must not start before, and the audit event of changing it."""

from tortoise import migrations
from tortoise.migrations import operations as ops
from models.enums import AuditAction
from tortoise import fields

class Migration(migrations.Migration):
    dependencies = [('models', '0017_move_manifest')]

    initial = False

    operations = [
        ops.AlterField(
            model_name='AuditEvent',
            name='action',
            field=fields.CharEnumField(description='OFFERED: OFFERED\nCODE_ATTEMPT_FAILED: CODE_ATTEMPT_FAILED\nWITHDRAWN: WITHDRAWN\nREJECTED: REJECTED\nRECEIVED: RECEIVED\nSTARTED: STARTED\nCOMPLETED: COMPLETED\nFAILED: FAILED\nEXPIRED: EXPIRED\nCANCELLED: CANCELLED\nRETRIED: RETRIED\nGAVE_UP: GAVE_UP\nRECIPIENTS_CHANGED: RECIPIENTS_CHANGED\nOFFER_RESENT: OFFER_RESENT\nEXPIRY_EXTENDED: EXPIRY_EXTENDED\nRECIPIENT_REFUSED: RECIPIENT_REFUSED\nPREVIEWED: PREVIEWED\nMOVE_RESCHEDULED: MOVE_RESCHEDULED', enum_type=AuditAction, max_length=24),
        ),
        ops.AddField(
            model_name='MigrationItem',
            name='not_before',
            field=fields.DatetimeField(null=True, auto_now=False, auto_now_add=False),
        ),
    ]
