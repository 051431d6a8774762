"""Tencent Cloud SMS (API 3.0, version 2021-01-11) through its Python SDK: one
``SendSms`` request per provider template and parameter set, up to 200 numbers each.
The SDK signs the request (TC3-HMAC-SHA256) and raises ``TencentCloudSDKException``
for an error answer."""

import logging

from tencentcloud.common import credential
from tencentcloud.common.exception.tencent_cloud_sdk_exception import (
    TencentCloudSDKException,
)
from tencentcloud.common.profile.client_profile import ClientProfile
from tencentcloud.common.profile.http_profile import HttpProfile
from tencentcloud.sms.v20210111 import models as sms_models
from tencentcloud.sms.v20210111.sms_client import SmsClient

_logger = logging.getLogger(__name__)

DEFAULT_ENDPOINT = "sms.tencentcloudapi.com"
# the numbers one SendSms request takes at most
MAX_NUMBERS = 200
# vendor codes with an Odoo failure type of their own
FAILURE_TYPES = {
    "InvalidParameterValue.IncorrectPhoneNumber": "sms_number_format",
    "FailedOperation.InsufficientBalanceInSmsPackage": "sms_credit",
}
# the categories of the provider's answers (``Category.Detail``), not of the network or
# the SDK
PROVIDER_CATEGORIES = (
    "FailedOperation",
    "InvalidParameter",
    "InvalidParameterValue",
    "LimitExceeded",
    "MissingParameter",
    "RequestLimitExceeded",
    "UnsupportedOperation",
)


def failure_type(code):
    """The failure type of ``sms.sms`` for a vendor or SDK error code."""
    category = (code or "").split(".")[0]
    if code in FAILURE_TYPES:
        return FAILURE_TYPES[code]
    if category in ("AuthFailure", "UnauthorizedOperation"):
        return "sms_acc"
    if category in PROVIDER_CATEGORIES:
        return "sms_provider"
    return "sms_server"


class TencentError(Exception):
    """The request was not answered with a status per number: ``code`` and
    ``message`` as the provider or the SDK gave them."""

    def __init__(self, code, message):
        super().__init__(f"{code}: {message}")
        self.code = code
        self.message = message


def endpoint_profile(endpoint):
    """(scheme, host) of the endpoint setting: ``sms.tencentcloudapi.com`` or a
    ``http://host:port`` test endpoint."""
    endpoint = (endpoint or DEFAULT_ENDPOINT).strip()
    scheme = "https"
    if "://" in endpoint:
        scheme, endpoint = endpoint.split("://", 1)
    return scheme.lower(), endpoint.rstrip("/")


def send_sms(config, numbers, template_code, params, timeout=15):
    """Send the provider template ``template_code`` with ``params`` to ``numbers``
    (E.164); {number: (code, message)} per number, code "Ok" when accepted.
    ``config``: secret_id, secret_key, app_id, sign_name, region, endpoint."""
    scheme, host = endpoint_profile(config["endpoint"])
    http_profile = HttpProfile(protocol=scheme, endpoint=host, reqTimeout=timeout)
    client_profile = ClientProfile(
        httpProfile=http_profile, disable_region_breaker=True
    )
    try:
        client = SmsClient(
            credential.Credential(
                config["secret_id"] or "", config["secret_key"] or ""
            ),
            config["region"] or "ap-guangzhou",
            client_profile,
        )
        request = sms_models.SendSmsRequest()
        request.PhoneNumberSet = list(numbers)
        request.SmsSdkAppId = config["app_id"] or ""
        request.SignName = config["sign_name"] or ""
        request.TemplateId = template_code
        request.TemplateParamSet = list(params)
        response = client.SendSms(request)
    except TencentCloudSDKException as error:
        raise TencentError(error.get_code(), error.get_message()) from error
    except Exception as error:  # the network, the answer that is not JSON…
        raise TencentError(type(error).__name__, str(error)) from error
    result = {}
    for status in response.SendStatusSet or []:
        result[status.PhoneNumber] = (status.Code, status.Message or "")
    _logger.info(
        "Tencent Cloud SMS %s to %s numbers: %s",
        template_code,
        len(numbers),
        {number: code for number, (code, _message) in result.items()},
    )
    return result
