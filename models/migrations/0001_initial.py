from tortoise import migrations
from tortoise.migrations import operations as ops
import functools
from json import dumps, loads
from models.enums import AccountingPackage, DocumentKind, DocumentStatus, Plan, Role, TokenScope
from tortoise.fields.base import OnDelete
from tortoise import fields
from tortoise.indexes import Index

class Migration(migrations.Migration):
    initial = True

    operations = [
        ops.CreateModel(
            name='Environment',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('office_code', fields.CharField(unique=True, max_length=16)),
                ('name', fields.CharField(max_length=200)),
                ('plan', fields.CharEnumField(description='TRIAL: TRIAL\nSTANDARD: STANDARD\nPREMIUM: PREMIUM', enum_type=Plan, max_length=16)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=False)),
            ],
            options={'table': 'environment', 'app': 'models', 'pk_attr': 'id', 'table_description': 'The office of an accounting firm, everything a user sees is scoped to one of these.'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='AccountingConnection',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('environment', fields.ForeignKeyField('models.Environment', source_field='environment_id', db_constraint=True, to_field='id', related_name='connections', on_delete=OnDelete.CASCADE)),
                ('package', fields.CharEnumField(description='EXACT_ONLINE: EXACT_ONLINE\nTWINFIELD: TWINFIELD\nMULTIVERS: MULTIVERS\nXERO: XERO\nACCOUNTVIEW: ACCOUNTVIEW\nSNELSTART: SNELSTART\nAFAS: AFAS', enum_type=AccountingPackage, max_length=24)),
                ('name', fields.CharField(max_length=200)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=False)),
            ],
            options={'table': 'accounting_connection', 'app': 'models', 'pk_attr': 'id', 'table_description': 'The link of an environment to one accounting package, there may be several per package.'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='Administration',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('environment', fields.ForeignKeyField('models.Environment', source_field='environment_id', db_constraint=True, to_field='id', related_name='administrations', on_delete=OnDelete.CASCADE)),
                ('connection', fields.ForeignKeyField('models.AccountingConnection', source_field='connection_id', db_constraint=True, to_field='id', related_name='administrations', on_delete=OnDelete.RESTRICT)),
                ('code', fields.CharField(max_length=64)),
                ('name', fields.CharField(max_length=200)),
                ('inbound_mail_address', fields.CharField(db_index=True, max_length=320)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=False)),
            ],
            options={'table': 'administration', 'app': 'models', 'unique_together': (('environment', 'code', 'name'),), 'pk_attr': 'id', 'table_description': 'The books of one client under one connection, (code, name) is unique per environment.'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='AuthorizationFlow',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('administration', fields.OneToOneField('models.Administration', source_field='administration_id', db_constraint=True, to_field='id', related_name='authorization_flow', on_delete=OnDelete.CASCADE)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=False)),
            ],
            options={'table': 'authorization_flow', 'app': 'models', 'pk_attr': 'id', 'table_description': 'The ordered authorizer steps documents of one administration pass through.'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='User',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('environment', fields.ForeignKeyField('models.Environment', source_field='environment_id', db_constraint=True, to_field='id', related_name='users', on_delete=OnDelete.CASCADE)),
                ('email', fields.CharField(unique=True, max_length=254)),
                ('display_name', fields.CharField(max_length=200)),
                ('role', fields.CharEnumField(description='SUPERUSER: SUPERUSER\nUSER: USER\nAUTHORIZER: AUTHORIZER\nRESTRICTED_CLIENT: RESTRICTED_CLIENT', enum_type=Role, max_length=24)),
                ('is_active', fields.BooleanField(default=True)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=False)),
            ],
            options={'table': 'user_account', 'app': 'models', 'pk_attr': 'id', 'table_description': 'A person in one environment, the role decides what they may do.'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='ApiToken',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('user', fields.ForeignKeyField('models.User', source_field='user_id', db_constraint=True, to_field='id', related_name='tokens', on_delete=OnDelete.CASCADE)),
                ('token_hash', fields.CharField(unique=True, max_length=64)),
                ('label', fields.CharField(default='', max_length=200)),
                ('scope', fields.CharEnumField(default=TokenScope.FULL, description='FULL: FULL\nREAD_ONLY: READ_ONLY', enum_type=TokenScope, max_length=16)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=False)),
                ('revoked_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
            ],
            options={'table': 'api_token', 'app': 'models', 'pk_attr': 'id', 'table_description': 'An opaque bearer token bound to one user, with a scope.'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='AuthorizationStep',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('flow', fields.ForeignKeyField('models.AuthorizationFlow', source_field='flow_id', db_constraint=True, to_field='id', related_name='steps', on_delete=OnDelete.CASCADE)),
                ('position', fields.SmallIntField()),
                ('authorizer', fields.ForeignKeyField('models.User', source_field='authorizer_id', db_constraint=True, to_field='id', related_name='authorization_steps', on_delete=OnDelete.CASCADE)),
            ],
            options={'table': 'authorization_step', 'app': 'models', 'unique_together': (('flow', 'position'),), 'pk_attr': 'id', 'table_description': 'One step of a flow, naming the authorizer who approves at that point.'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='Document',
            fields=[
                ('id', fields.BigIntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('administration', fields.ForeignKeyField('models.Administration', source_field='administration_id', db_constraint=True, to_field='id', related_name='documents', on_delete=OnDelete.CASCADE)),
                ('kind', fields.CharEnumField(description='PURCHASE_INVOICE: PURCHASE_INVOICE\nSALES_INVOICE: SALES_INVOICE\nRECEIPT: RECEIPT\nBANK_STATEMENT: BANK_STATEMENT\nOTHER: OTHER', enum_type=DocumentKind, max_length=24)),
                ('status', fields.CharEnumField(description='NEW: NEW\nTO_AUTHORIZE: TO_AUTHORIZE\nAPPROVED: APPROVED\nREJECTED: REJECTED\nBOOKED: BOOKED', enum_type=DocumentStatus, max_length=16)),
                ('title', fields.CharField(max_length=300)),
                ('file_name', fields.CharField(max_length=255)),
                ('content_type', fields.CharField(max_length=100)),
                ('size', fields.BigIntField()),
                ('sha256', fields.CharField(max_length=64)),
                ('storage_key', fields.CharField(max_length=255)),
                ('metadata', fields.JSONField(default=dict, encoder=functools.partial(dumps, separators=(',', ':')), decoder=loads)),
                ('history', fields.JSONField(default=list, encoder=functools.partial(dumps, separators=(',', ':')), decoder=loads)),
                ('uploaded_by', fields.ForeignKeyField('models.User', source_field='uploaded_by_id', null=True, db_constraint=True, to_field='id', related_name=False, on_delete=OnDelete.SET_NULL)),
                ('uploaded_by_name', fields.CharField(default='', max_length=200)),
                ('approved_by', fields.ForeignKeyField('models.User', source_field='approved_by_id', null=True, db_constraint=True, to_field='id', related_name=False, on_delete=OnDelete.SET_NULL)),
                ('approved_by_name', fields.CharField(default='', max_length=200)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=False)),
            ],
            options={'table': 'document', 'app': 'models', 'indexes': [Index(fields=['administration_id', 'status'])], 'pk_attr': 'id', 'table_description': 'A document with its stored file, metadata and history.'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='Workflow',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('administration', fields.ForeignKeyField('models.Administration', source_field='administration_id', db_constraint=True, to_field='id', related_name='workflows', on_delete=OnDelete.CASCADE)),
                ('name', fields.CharField(max_length=200)),
                ('is_active', fields.BooleanField(default=True)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=False)),
            ],
            options={'table': 'workflow', 'app': 'models', 'pk_attr': 'id', 'table_description': 'An automation on the documents of an administration, an active one blocks an offer.'},
            bases=['Model'],
        ),
    ]
