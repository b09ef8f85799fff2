"""What the API says a viewer may do is exactly what the mutations accept.

For every status of rule 14, a fresh offer of one administration is brought there by the real
steps; then each side asks for the row's and the offer's allowedActions and tries every
action's mutation. A refused mutation changes nothing, so a row serves until one is accepted;
then a fresh row in the same status takes its place. The actions accepted must be the actions
allowed, and both must be the table written out here (EXPECTED), so neither can drift on its own.
Viewer.abilities is held to the mutations the same way.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest

from models import Migration
from models.enums import AccountingPackage, MigrationStatus, Plan, Role, TokenScope
from models.terms import VERSION as TERMS_VERSION
from tests.scenarios import TARGET_SUPERUSER, Case, Scenario, bring_to, gid, pk_of
from worker.mover import Mover

S = MigrationStatus
SIDES = ("source superuser", "target superuser", "source partner", "target partner", "outsider")
# Each action's mutation, tried on the row (its MigrationAdministration) and on the offer.
ROW_TRIES = ("WITHDRAW", "CANCEL", "RETRY", "GIVE_UP", "RECEIVE", "REJECT", "RESCHEDULE")
OFFER_TRIES = ("WITHDRAW", "CHANGE_RECIPIENTS", "RESEND", "EXTEND", "RECEIVE", "REJECT")
# (status, side) -> (the row's actions, the offer's actions); everyone else may do nothing.
EXPECTED: dict[tuple[MigrationStatus, str], tuple[set[str], set[str]]] = {
    (S.OFFERED, "source superuser"): (
        {"WITHDRAW"},
        {"WITHDRAW", "CHANGE_RECIPIENTS", "RESEND", "EXTEND"},
    ),
    (S.OFFERED, "target superuser"): ({"RECEIVE", "REJECT"}, {"RECEIVE", "REJECT"}),
    (S.QUEUED, "target superuser"): ({"CANCEL", "RESCHEDULE"}, set()),
    (S.FAILED, "source superuser"): ({"WITHDRAW", "RETRY"}, {"WITHDRAW"}),
    (S.FAILED, "target superuser"): ({"RETRY", "GIVE_UP"}, set()),
}

ALLOWED = """query($item: ID!, $offer: ID!) {
  node(id: $item) { ... on MigrationAdministration { allowedActions } }
  migration(id: $offer) { allowedActions }
}"""
OVERVIEW_ROWS = """{
  offeredAdministrations(first: 100) { nodes { id allowedActions } }
  receivableAdministrations(first: 100) { nodes { id allowedActions } }
}"""
MUTATIONS = {
    "withdrawMigration": "WithdrawMigrationInput",
    "cancelMigration": "CancelMigrationInput",
    "retryMigration": "RetryMigrationInput",
    "giveUpMigration": "GiveUpMigrationInput",
    "changeMigrationRecipients": "ChangeMigrationRecipientsInput",
    "resendMigrationOffer": "ResendMigrationOfferInput",
    "extendMigration": "ExtendMigrationInput",
    "claimMigration": "ClaimMigrationInput",
    "rejectMigration": "RejectMigrationInput",
    "rescheduleMove": "RescheduleMoveInput",
}


async def allowed(scenario: Scenario, case: Case, token: str) -> tuple[set[str], set[str]]:
    """The row's and the offer's allowedActions for this reader; nothing for what it cannot see."""
    variables = {"item": case.item_id, "offer": case.migration["id"]}
    body = await scenario.graphql(ALLOWED, variables, token)
    assert "errors" not in body, body
    row, offer = body["data"]["node"], body["data"]["migration"]
    return set(row["allowedActions"] if row else []), set(offer["allowedActions"] if offer else [])


async def accepts(scenario: Scenario, name: str, data: dict[str, Any], token: str) -> bool:
    """Whether the mutation did what it was asked: no error and no userError."""
    body = await scenario.graphql(
        f"mutation($i: {MUTATIONS[name]}!) {{ {name}(input: $i) {{ userErrors {{ code }} }} }}",
        {"i": data},
        token,
    )
    assert "Unexpected error." not in str(body), body
    return "errors" not in body and body["data"][name]["userErrors"] == []


async def attempt(action: str, on_offer: bool, case: Case, token: str, clock, settings) -> bool:
    """Take one action on the case's administration (or on its whole offer) as the token's."""
    scenario = case.scenario
    offer, item = case.migration["id"], case.item_id
    code = case.migration["transferCode"]
    if action == "WITHDRAW":
        data = (
            {"migrationId": offer}
            if on_offer
            else {"migrationId": offer, "migrationAdministrationId": item}
        )
        return await accepts(scenario, "withdrawMigration", data, token)
    named = {"CANCEL": "cancelMigration", "RETRY": "retryMigration", "GIVE_UP": "giveUpMigration"}
    if action in named:
        return await accepts(scenario, named[action], {"migrationAdministrationId": item}, token)
    if action == "RESCHEDULE":
        later = (clock.now() + timedelta(days=1)).isoformat()
        return await accepts(scenario, "rescheduleMove", {"id": item, "notBefore": later}, token)
    if action == "CHANGE_RECIPIENTS":
        data = {"migrationId": offer, "recipients": [TARGET_SUPERUSER]}
        return await accepts(scenario, "changeMigrationRecipients", data, token)
    if action == "RESEND":
        return await accepts(scenario, "resendMigrationOffer", {"migrationId": offer}, token)
    if action == "EXTEND":
        clock.advance(timedelta(minutes=1))  # a later expiry within the validity from now
        later = (clock.now() + settings.offer_validity).isoformat()
        data = {"migrationId": offer, "expiresAt": later}
        return await accepts(scenario, "extendMigration", data, token)
    if action == "RECEIVE":
        choice = {
            "migrationAdministrationId": item,
            "connectionId": gid("AccountingConnection", scenario.target_exact),
        }
        data = {
            "transferCode": code,
            "acceptTerms": True,
            "termsVersion": TERMS_VERSION,
            "acceptCosts": True,
            "administrations": [choice],
        }
        return await accepts(scenario, "claimMigration", data, token)
    assert action == "REJECT"
    data = {"transferCode": code, "migrationAdministrationIds": [item]}
    return await accepts(scenario, "rejectMigration", data, token)


@pytest.mark.parametrize("status", list(MigrationStatus), ids=str)
async def test_allowed_actions_are_what_the_mutations_accept(
    scenario: Scenario, factory, settings, clock, files, status: MigrationStatus
):
    engine = Mover(settings, clock, files, batch_size=2)
    outsider = await factory.user(await factory.environment(plan=Plan.PREMIUM))
    tokens = {
        "source superuser": scenario.token,
        "target superuser": scenario.target_token,
        "source partner": await factory.token(scenario.superuser, TokenScope.READ_ONLY),
        "target partner": await factory.token(scenario.target_superuser, TokenScope.READ_ONLY),
        "outsider": await factory.token(outsider),
    }

    async def fresh() -> Case:
        administration = await factory.administration(scenario.exact, documents=2)
        return await bring_to(status, scenario, engine, clock, [administration])

    case = await fresh()
    problems = []
    for side in SIDES:
        token = tokens[side]
        said = await allowed(scenario, case, token)
        done: tuple[set[str], set[str]] = (set(), set())
        tries = [(a, False) for a in ROW_TRIES] + [(a, True) for a in OFFER_TRIES]
        for action, on_offer in tries:
            if await attempt(action, on_offer, case, token, clock, settings):
                done[on_offer].add(action)
                case = await fresh()
                assert await allowed(scenario, case, token) == said, "a fresh row says the same"
        if said != done:
            problems.append((side, "allowed", said, "accepted", done))
        if said != EXPECTED.get((status, side), (set(), set())):
            problems.append((side, "allowed", said, "expected", EXPECTED.get((status, side))))
    assert problems == []


async def test_overview_rows_say_what_the_row_says(scenario: Scenario, settings, clock, files):
    engine = Mover(settings, clock, files, batch_size=2)
    failed = await bring_to(S.FAILED, scenario, engine, clock, scenario.ready[:1])
    offered = await scenario.offer(administrations=scenario.ready[1:])
    rows = {
        failed.item_id: {
            scenario.token: ["WITHDRAW", "RETRY"],
            scenario.target_token: ["RETRY", "GIVE_UP"],
        },
        scenario.items(offered)[0]: {
            scenario.token: ["WITHDRAW"],
            scenario.target_token: ["RECEIVE", "REJECT"],
        },
    }
    for token, listing in (
        (scenario.token, "offeredAdministrations"),
        (scenario.target_token, "receivableAdministrations"),
    ):
        body = await scenario.graphql(OVERVIEW_ROWS, None, token)
        shown = {n["id"]: n["allowedActions"] for n in body["data"][listing]["nodes"]}
        assert shown == {item: said[token] for item, said in rows.items()}, listing


async def test_a_receiver_no_longer_on_premium_may_reject_but_not_receive(scenario: Scenario):
    migration = await scenario.offer()
    first, second = scenario.items(migration)
    scenario.target.plan = Plan.STANDARD
    await scenario.target.save()
    case = Case(scenario, None, migration, first)  # type: ignore[arg-type]
    assert await allowed(scenario, case, scenario.target_token) == ({"REJECT"}, {"REJECT"})
    claimed = await scenario.claim(migration["transferCode"], [first])
    assert [e["code"] for e in claimed["userErrors"]] == ["NOT_PREMIUM"]
    assert (await scenario.reject(migration["transferCode"], [second]))["userErrors"] == []


async def test_an_offer_from_before_targets_is_the_addressed_office_s_to_act_on(
    scenario: Scenario, factory
):
    """Such an offer is meant for the office it was mailed to: its superusers' addresses decide."""
    migration = await scenario.offer()
    await Migration.filter(pk=pk_of(migration["id"])).update(target_environment_id=None)
    body = await scenario.graphql(OVERVIEW_ROWS, None, scenario.target_token)
    rows = body["data"]["receivableAdministrations"]["nodes"]
    assert {tuple(row["allowedActions"]) for row in rows} == {("RECEIVE", "REJECT")}
    # Once its addressee is no longer a superuser there, the office may not take it.
    scenario.target_superuser.role = Role.USER
    await scenario.target_superuser.save()
    colleague = await factory.token(await factory.user(scenario.target))
    body = await scenario.graphql(OVERVIEW_ROWS, None, colleague)
    assert body["data"]["receivableAdministrations"]["nodes"] == []
    scenario.target_superuser.role = Role.SUPERUSER
    await scenario.target_superuser.save()
    claimed = await scenario.claim(migration["transferCode"], scenario.items(migration)[:1])
    assert claimed["userErrors"] == []


ALL_OF_A_PAGE = """query($first: Int!) { offeredAdministrations(first: $first) { nodes {
  allowedActions targetOffice { officeCode name }
  migration { allowedActions targetOffice { officeCode } termsVersion }
} } }"""


async def test_a_page_of_rows_with_their_actions_costs_what_a_short_page_costs(
    scenario: Scenario, factory, count_queries
):
    for n in range(12):
        administration = await factory.administration(scenario.exact, name=f"Klant {n:02d}")
        await scenario.offer(administrations=[administration])
    costs = {}
    for size in (2, 12):
        count_queries.statements.clear()
        body = await scenario.graphql(ALL_OF_A_PAGE, {"first": size}, scenario.token)
        rows = body["data"]["offeredAdministrations"]["nodes"]
        assert len(rows) == size
        assert {row["targetOffice"]["name"] for row in rows} == {"Bosman"}
        assert {tuple(row["allowedActions"]) for row in rows} == {("WITHDRAW",)}
        costs[size] = len(count_queries.statements)
    assert costs[2] == costs[12], count_queries.statements


# -- Viewer.abilities ------------------------------------------------------------------------------

ABILITIES = "{ viewer { abilities { id action allowed reason } } }"
CREATE_TOKEN = """mutation { createApiToken(input: {label: "Proef"}) { userErrors { code } } }"""
OFFER = (
    """mutation($i: OfferMigrationInput!) { offerMigration(input: $i) { userErrors { code } } }"""
)
CLAIM = (
    """mutation($i: ClaimMigrationInput!) { claimMigration(input: $i) { userErrors { code } } }"""
)


def refusals(body: dict[str, Any], name: str) -> set[str]:
    """The codes a mutation answered with: its top-level errors, else its userErrors."""
    if body.get("errors"):
        return {e["extensions"]["code"] for e in body["errors"]}
    return {e["code"] for e in body["data"][name]["userErrors"]}


async def test_abilities_are_what_the_mutations_accept(scenario: Scenario, factory):
    """Offering, receiving and issuing tokens, tried by each reader with everything else right."""
    third = await factory.environment(plan=Plan.PREMIUM, name="Derde")
    third_superuser = await factory.user(third)
    third_exact = await factory.connection(third, AccountingPackage.EXACT_ONLINE)
    readers = {
        "source superuser (STANDARD)": (scenario.superuser, TokenScope.FULL),
        "source clerk": (scenario.clerk, TokenScope.FULL),
        "source partner": (scenario.superuser, TokenScope.READ_ONLY),
        "target superuser (PREMIUM)": (scenario.target_superuser, TokenScope.FULL),
        "target partner": (scenario.target_superuser, TokenScope.READ_ONLY),
    }
    problems = []
    for name, (user, scope) in readers.items():
        token = await factory.token(user, scope)
        in_source = user.pk in (scenario.superuser.pk, scenario.clerk.pk)
        office, own = (
            (scenario.source, scenario.exact)
            if in_source
            else (scenario.target, scenario.target_exact)
        )
        # OFFER: one of its own administrations, to a superuser of another PREMIUM office.
        recipient = scenario.target_superuser if in_source else third_superuser
        offer = scenario.offer_input(
            administrations=[await factory.administration(own, documents=1)],
            recipients=[recipient.email],
        )["input"]
        tried = {
            "OFFER": refusals(await scenario.graphql(OFFER, {"i": offer}, token), "offerMigration")
        }
        # RECEIVE: an offer to its office, made while that office was on PREMIUM.
        giver, giver_exact = (
            (third_superuser, third_exact) if in_source else (scenario.superuser, scenario.exact)
        )
        office_superuser = scenario.superuser if in_source else scenario.target_superuser
        plan, office.plan = office.plan, Plan.PREMIUM
        await office.save()
        made = await scenario.offer(
            administrations=[await factory.administration(giver_exact)],
            recipients=[office_superuser.email],
            token=await factory.token(giver),
        )
        office.plan = plan
        await office.save()
        claim = {
            "transferCode": made["transferCode"],
            "acceptTerms": True,
            "termsVersion": TERMS_VERSION,
            "acceptCosts": True,
            "administrations": [
                {
                    "migrationAdministrationId": scenario.items(made)[0],
                    "connectionId": gid("AccountingConnection", own),
                }
            ],
        }
        tried["RECEIVE"] = refusals(
            await scenario.graphql(CLAIM, {"i": claim}, token), "claimMigration"
        )
        # MANAGE_TOKENS: a token of its own.
        tried["MANAGE_TOKENS"] = refusals(
            await scenario.graphql(CREATE_TOKEN, None, token), "createApiToken"
        )
        body = await scenario.graphql(ABILITIES, None, token)
        abilities = body["data"]["viewer"]["abilities"]
        assert all(a["allowed"] == (a["reason"] is None) for a in abilities), abilities
        said = {a["action"]: set() if a["allowed"] else {a["reason"]} for a in abilities}
        if said != tried:
            problems.append((name, "said", said, "tried", tried))
    assert problems == []
    assert {a["action"] for a in abilities} == {"OFFER", "RECEIVE", "MANAGE_TOKENS"}
