from tortoise import migrations
from tortoise.migrations import operations as ops
import functools
from json import dumps, loads
from models.enums import AuditAction
from tortoise import fields

class Migration(migrations.Migration):
    dependencies = [('models', '0005_lifecycle')]

    initial = False

    operations = [
        ops.AlterField(
            model_name='AuditEvent',
            name='action',
            field=fields.CharEnumField(description='OFFERED: OFFERED\nCODE_ATTEMPT_FAILED: CODE_ATTEMPT_FAILED\nWITHDRAWN: WITHDRAWN\nREJECTED: REJECTED\nRECEIVED: RECEIVED\nSTARTED: STARTED\nCOMPLETED: COMPLETED\nFAILED: FAILED\nEXPIRED: EXPIRED\nCANCELLED: CANCELLED\nRETRIED: RETRIED\nGAVE_UP: GAVE_UP\nRECIPIENTS_CHANGED: RECIPIENTS_CHANGED\nOFFER_RESENT: OFFER_RESENT\nEXPIRY_EXTENDED: EXPIRY_EXTENDED\nRECIPIENT_REFUSED: RECIPIENT_REFUSED\nPREVIEWED: PREVIEWED', enum_type=AuditAction, max_length=24),
        ),
        ops.AddField(
            model_name='Migration',
            name='reminded_at',
            field=fields.DatetimeField(null=True, auto_now=False, auto_now_add=False),
        ),
        ops.AddField(
            model_name='OutboxMail',
            name='deliveries',
            field=fields.JSONField(default=dict, null=True, encoder=functools.partial(dumps, separators=(',', ':')), decoder=loads),
        ),
        # Steps the service took by itself used to be recorded without a name.
        ops.RunSQL(
            "UPDATE audit_event SET actor_name = 'Overdracht' "
            "WHERE actor_id IS NULL AND actor_name = ''"
        ),
    ]
