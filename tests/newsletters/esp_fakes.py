"""Fake ESP APIs for sending tests: only the HTTP layer (requests) or botocore is
replaced; the real anymail backend classes build and parse every call.

Each fake answers as that ESP's API does and reads back, from the requests anymail
made, what each recipient would receive: (html, headers) with the ESP's merge fields
expanded as the ESP would, and the message id the ESP gave them.
"""

import email
import email.policy
import json
import re
import uuid
from itertools import count

import requests
from botocore.stub import Stubber

SEQUENCE = count(1)


def json_response(data, status=200):
    response = requests.Response()
    response.status_code = status
    response._content = json.dumps(data).encode()
    response.headers["Content-Type"] = "application/json"
    response.encoding = "utf-8"
    return response


class FakeESP:
    """Records calls; subclasses answer them and read recipients' messages back."""

    settings = {}
    backend = ""

    def __init__(self):
        self.calls = []
        self.received = []  # (address, html, headers, message id)

    def handle(self, session, method, url, **kwargs):
        self.calls.append((method, url, kwargs))
        return self.answer(url, kwargs)

    def answer(self, url, kwargs):
        raise NotImplementedError


class Postmark(FakeESP):
    backend = "anymail.backends.postmark.EmailBackend"
    settings = {"POSTMARK_SERVER_TOKEN": "server-token"}

    def answer(self, url, kwargs):
        data = json.loads(kwargs["data"])
        message_id = str(uuid.uuid4())
        headers = {h["Name"]: h["Value"] for h in data.get("Headers", [])}
        self.received.append((data["To"], data["HtmlBody"], headers, message_id))
        return json_response(
            {
                "To": data["To"],
                "SubmittedAt": "2025-03-03T08:00:00.0000000+02:00",
                "MessageID": message_id,
                "ErrorCode": 0,
                "Message": "OK",
            }
        )


class Brevo(FakeESP):
    backend = "anymail.backends.brevo.EmailBackend"
    settings = {"BREVO_API_KEY": "xkeysib-key"}

    def answer(self, url, kwargs):
        data = json.loads(kwargs["data"])
        message_id = f"<20250303080000.{next(SEQUENCE)}@smtp-relay.mailin.fr>"
        (to,) = data["to"]
        self.received.append((to["email"], data["htmlContent"], data["headers"], message_id))
        return json_response({"messageId": message_id}, status=201)


class Resend(FakeESP):
    backend = "anymail.backends.resend.EmailBackend"
    settings = {"RESEND_API_KEY": "re_key"}

    def answer(self, url, kwargs):
        data = json.loads(kwargs["data"])
        message_id = str(uuid.uuid4())
        (to,) = data["to"]
        self.received.append((to, data["html"], data["headers"], message_id))
        return json_response({"id": message_id})


class Mailgun(FakeESP):
    """Batch: one call, `%recipient.NAME%` fields filled from recipient-variables."""

    backend = "anymail.backends.mailgun.EmailBackend"
    settings = {"MAILGUN_API_KEY": "key", "MAILGUN_SENDER_DOMAIN": "mg.example.org"}

    def answer(self, url, kwargs):
        fields = {}
        data = kwargs["data"]
        for key, value in data.items() if isinstance(data, dict) else data:
            fields.setdefault(key, []).extend(value if isinstance(value, list) else [value])
        variables = json.loads(fields["recipient-variables"][0])
        message_id = f"<20250303080000.{next(SEQUENCE)}@mg.example.org>"

        def fill(text, values):
            return re.sub(r"%recipient\.([^%]+)%", lambda m: str(values[m.group(1)]), text)

        for address in fields["to"]:
            values = variables[address]
            headers = {
                key[2:]: fill(value[0], values)
                for key, value in fields.items()
                if key.startswith("h:")
            }
            self.received.append((address, fill(fields["html"][0], values), headers, message_id))
        return json_response({"id": message_id, "message": "Queued. Thank you."})


class Mailjet(FakeESP):
    """Batch: one call, a Messages entry per recipient, `[[var:NAME]]` from Variables."""

    backend = "anymail.backends.mailjet.EmailBackend"
    settings = {"MAILJET_API_KEY": "key", "MAILJET_SECRET_KEY": "secret"}

    def answer(self, url, kwargs):
        data = json.loads(kwargs["data"])
        html = data["Globals"]["HTMLPart"]
        results = []
        for message in data["Messages"]:
            (to,) = message["To"]
            values = message.get("Variables", {})
            filled = re.sub(r"\[\[var:([^\]]+)\]\]", lambda m, v=values: v[m.group(1)], html)
            message_id = next(SEQUENCE) + 288230376151711744
            self.received.append((to["Email"], filled, message["Headers"], str(message_id)))
            results.append(
                {
                    "Status": "success",
                    "CustomID": "",
                    "To": [
                        {
                            "Email": to["Email"],
                            "MessageUUID": str(uuid.uuid4()),
                            "MessageID": message_id,
                            "MessageHref": f"https://api.mailjet.com/v3/REST/message/{message_id}",
                        }
                    ],
                    "Cc": [],
                    "Bcc": [],
                }
            )
        return json_response({"Messages": results})


class SparkPost(FakeESP):
    """Batch: one transmission, `{{NAME}}` filled from each recipient's substitution_data."""

    backend = "anymail.backends.sparkpost.EmailBackend"
    settings = {"SPARKPOST_API_KEY": "key"}

    def answer(self, url, kwargs):
        data = json.loads(kwargs["data"])
        transmission_id = str(next(SEQUENCE) + 30223642583524530)

        def fill(text, values):
            return re.sub(r"\{\{\s*([\w]+)\s*\}\}", lambda m: values[m.group(1)], text)

        for recipient in data["recipients"]:
            values = {**data.get("substitution_data", {}), **recipient["substitution_data"]}
            html = fill(data["content"]["html"], values)
            headers = {k: fill(v, values) for k, v in data["content"]["headers"].items()}
            address = recipient["address"]["email"]
            self.received.append((address, html, headers, transmission_id))
        accepted = len(data["recipients"])
        return json_response(
            {
                "results": {
                    "total_rejected_recipients": 0,
                    "total_accepted_recipients": accepted,
                    "id": transmission_id,
                }
            }
        )


class AmazonSES(FakeESP):
    """botocore's Stubber answers SendEmail on every client anymail makes; the raw MIME
    message of each call is read back."""

    backend = "anymail.backends.amazon_ses.EmailBackend"
    settings = {"AMAZON_SES_CLIENT_PARAMS": {"region_name": "eu-north-1"}}

    def client_factory(self, real_client):
        """A replacement for boto3's Session.client: a real SES v2 client, stubbed."""

        def client(session, service_name, **kwargs):
            ses = real_client(session, service_name, **kwargs)
            stubber = Stubber(ses)
            message_ids = [f"0100018f{uuid.uuid4().hex}-000000" for _ in range(100)]
            for message_id in message_ids:
                stubber.add_response("send_email", {"MessageId": message_id})
            answers = iter(message_ids)

            def capture(params, **kwargs):
                self.calls.append(("POST", "SendEmail", params))
                self.read(params, next(answers))

            ses.meta.events.register("provide-client-params.sesv2.SendEmail", capture)
            stubber.activate()
            return ses

        return client

    def read(self, params, message_id):
        message = email.message_from_bytes(
            params["Content"]["Raw"]["Data"], policy=email.policy.default
        )
        html = message.get_body(("html",)).get_content()
        headers = {key: str(value) for key, value in message.items()}
        (to,) = params["Destination"]["ToAddresses"]
        self.received.append((to, html, headers, message_id))


ESPS = [Postmark, Brevo, AmazonSES, Mailgun, Mailjet, Resend, SparkPost]
