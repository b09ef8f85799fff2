from tortoise import migrations
from tortoise.migrations import operations as ops
import functools
from json import dumps, loads
from models.enums import AccountingPackage, AuditAction, MailLanguage, MailStatus, MigrationStatus
from tortoise.fields.base import OnDelete
from tortoise import fields
from tortoise.indexes import Index

class Migration(migrations.Migration):
    dependencies = [('models', '0001_initial')]

    initial = False

    operations = [
        ops.CreateModel(
            name='Migration',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('source_environment', fields.ForeignKeyField('models.Environment', source_field='source_environment_id', db_constraint=True, to_field='id', related_name='offers', on_delete=OnDelete.RESTRICT)),
                ('target_environment', fields.ForeignKeyField('models.Environment', source_field='target_environment_id', null=True, db_constraint=True, to_field='id', related_name='receptions', on_delete=OnDelete.RESTRICT)),
                ('requester', fields.ForeignKeyField('models.User', source_field='requester_id', null=True, db_constraint=True, to_field='id', related_name=False, on_delete=OnDelete.SET_NULL)),
                ('requester_name', fields.CharField(max_length=200)),
                ('requester_email', fields.CharField(max_length=254)),
                ('package', fields.CharEnumField(description='EXACT_ONLINE: EXACT_ONLINE\nTWINFIELD: TWINFIELD\nMULTIVERS: MULTIVERS\nXERO: XERO\nACCOUNTVIEW: ACCOUNTVIEW\nSNELSTART: SNELSTART\nAFAS: AFAS', enum_type=AccountingPackage, max_length=24)),
                ('transfer_code', fields.CharField(unique=True, max_length=32)),
                ('recipients', fields.JSONField(encoder=functools.partial(dumps, separators=(',', ':')), decoder=loads)),
                ('language', fields.CharEnumField(default=MailLanguage.NL, description='NL: NL\nEN: EN', enum_type=MailLanguage, max_length=2)),
                ('offered_at', fields.DatetimeField(auto_now=False, auto_now_add=False)),
                ('expires_at', fields.DatetimeField(auto_now=False, auto_now_add=False)),
                ('terms_accepted_at', fields.DatetimeField(auto_now=False, auto_now_add=False)),
            ],
            options={'table': 'migration', 'app': 'models', 'pk_attr': 'id', 'table_description': 'One offer from a source environment, guarded by one transfer code (rules 6 and 9).'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='MigrationItem',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('migration', fields.ForeignKeyField('models.Migration', source_field='migration_id', db_constraint=True, to_field='id', related_name='items', on_delete=OnDelete.CASCADE)),
                ('administration', fields.ForeignKeyField('models.Administration', source_field='administration_id', db_constraint=True, to_field='id', related_name='migration_items', on_delete=OnDelete.RESTRICT)),
                ('open_administration_id', fields.IntField(null=True, unique=True)),
                ('source_environment', fields.ForeignKeyField('models.Environment', source_field='source_environment_id', db_constraint=True, to_field='id', related_name=False, on_delete=OnDelete.RESTRICT)),
                ('administration_code', fields.CharField(max_length=64)),
                ('administration_name', fields.CharField(max_length=200)),
                ('inbound_mail_address', fields.CharField(max_length=320)),
                ('recipients_text', fields.TextField(unique=False)),
                ('status', fields.CharEnumField(default=MigrationStatus.OFFERED, description='OFFERED: OFFERED\nWITHDRAWN: WITHDRAWN\nEXPIRED: EXPIRED\nREJECTED: REJECTED\nQUEUED: QUEUED\nRUNNING: RUNNING\nCOMPLETED: COMPLETED\nFAILED: FAILED', enum_type=MigrationStatus, max_length=16)),
                ('offered_at', fields.DatetimeField(auto_now=False, auto_now_add=False)),
                ('expires_at', fields.DatetimeField(auto_now=False, auto_now_add=False)),
                ('status_changed_at', fields.DatetimeField(auto_now=False, auto_now_add=False)),
                ('reason', fields.TextField(default='', unique=False)),
                ('target_connection', fields.ForeignKeyField('models.AccountingConnection', source_field='target_connection_id', null=True, db_constraint=True, to_field='id', related_name=False, on_delete=OnDelete.RESTRICT)),
                ('target_code', fields.CharField(null=True, max_length=64)),
                ('documents_total', fields.BigIntField(default=0)),
                ('documents_done', fields.BigIntField(default=0)),
            ],
            options={'table': 'migration_item', 'app': 'models', 'indexes': [Index(fields=['source_environment_id', 'offered_at'])], 'pk_attr': 'id', 'table_description': 'One administration in an offer, with its own status, target and progress (rule 14).'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='AuditEvent',
            fields=[
                ('id', fields.BigIntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('migration', fields.ForeignKeyField('models.Migration', source_field='migration_id', null=True, db_constraint=True, to_field='id', related_name='audit_events', on_delete=OnDelete.CASCADE)),
                ('item', fields.ForeignKeyField('models.MigrationItem', source_field='item_id', null=True, db_constraint=True, to_field='id', related_name='audit_events', on_delete=OnDelete.CASCADE)),
                ('action', fields.CharEnumField(description='OFFERED: OFFERED\nCODE_ATTEMPT_FAILED: CODE_ATTEMPT_FAILED\nWITHDRAWN: WITHDRAWN\nREJECTED: REJECTED\nRECEIVED: RECEIVED\nSTARTED: STARTED\nCOMPLETED: COMPLETED\nFAILED: FAILED\nEXPIRED: EXPIRED', enum_type=AuditAction, max_length=24)),
                ('actor', fields.ForeignKeyField('models.User', source_field='actor_id', null=True, db_constraint=True, to_field='id', related_name=False, on_delete=OnDelete.SET_NULL)),
                ('actor_name', fields.CharField(default='', max_length=200)),
                ('actor_environment', fields.ForeignKeyField('models.Environment', source_field='actor_environment_id', null=True, db_constraint=True, to_field='id', related_name=False, on_delete=OnDelete.SET_NULL)),
                ('at', fields.DatetimeField(auto_now=False, auto_now_add=False)),
                ('detail', fields.JSONField(default=dict, encoder=functools.partial(dumps, separators=(',', ':')), decoder=loads)),
            ],
            options={'table': 'audit_event', 'app': 'models', 'indexes': [Index(fields=['migration_id', 'at'])], 'pk_attr': 'id', 'table_description': 'One recorded step, visible to the superusers of the environments involved.'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='OutboxMail',
            fields=[
                ('id', fields.BigIntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('kind', fields.CharField(max_length=32)),
                ('message_id', fields.CharField(unique=True, max_length=255)),
                ('sender', fields.CharField(max_length=320)),
                ('to', fields.JSONField(encoder=functools.partial(dumps, separators=(',', ':')), decoder=loads)),
                ('cc', fields.JSONField(default=list, encoder=functools.partial(dumps, separators=(',', ':')), decoder=loads)),
                ('subject', fields.CharField(max_length=300)),
                ('text_body', fields.TextField(unique=False)),
                ('html_body', fields.TextField(unique=False)),
                ('language', fields.CharField(max_length=2)),
                ('status', fields.CharEnumField(default=MailStatus.PENDING, description='PENDING: PENDING\nSENDING: SENDING\nSENT: SENT\nFAILED: FAILED', enum_type=MailStatus, max_length=16)),
                ('attempts', fields.IntField(default=0)),
                ('next_attempt_at', fields.DatetimeField(auto_now=False, auto_now_add=False)),
                ('locked_until', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
                ('last_error', fields.TextField(default='', unique=False)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=False)),
                ('sent_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
                ('migration', fields.ForeignKeyField('models.Migration', source_field='migration_id', null=True, db_constraint=True, to_field='id', related_name='mails', on_delete=OnDelete.SET_NULL)),
            ],
            options={'table': 'outbox_mail', 'app': 'models', 'indexes': [Index(fields=['status', 'next_attempt_at'])], 'pk_attr': 'id', 'table_description': 'One rendered mail and its delivery state, so a mail outage never loses or blocks a change.'},
            bases=['Model'],
        ),
    ]
