"""Contains all the data models used in inputs/outputs"""

from .authorization_code_token_request import AuthorizationCodeTokenRequest
from .authorization_server_metadata import AuthorizationServerMetadata
from .authorize_error import AuthorizeError
from .authorize_error_code import AuthorizeErrorCode
from .bearer_error import BearerError
from .bearer_error_code import BearerErrorCode
from .client_information import ClientInformation
from .client_metadata import ClientMetadata
from .client_registration_request import ClientRegistrationRequest
from .code_challenge_method import CodeChallengeMethod
from .device_authorization_request import DeviceAuthorizationRequest
from .device_authorization_response import DeviceAuthorizationResponse
from .device_code_token_request import DeviceCodeTokenRequest
from .empty_data import EmptyData
from .envelope import Envelope
from .error_envelope import ErrorEnvelope
from .grant_type import GrantType
from .legacy_account_info import LegacyAccountInfo
from .legacy_token import LegacyToken
from .legacy_token_response import LegacyTokenResponse
from .market import Market
from .refresh_token_request import RefreshTokenRequest
from .registration_error import RegistrationError
from .registration_error_code import RegistrationErrorCode
from .response_type import ResponseType
from .revocation_error import RevocationError
from .revocation_error_code import RevocationErrorCode
from .revocation_request import RevocationRequest
from .security import Security
from .security_list import SecurityList
from .security_list_category import SecurityListCategory
from .security_list_market import SecurityListMarket
from .security_list_response import SecurityListResponse
from .socket_token import SocketToken
from .socket_token_response import SocketTokenResponse
from .token_endpoint_auth_method import TokenEndpointAuthMethod
from .token_error import TokenError
from .token_error_code import TokenErrorCode
from .token_response import TokenResponse
from .token_type_hint import TokenTypeHint

__all__ = (
    "AuthorizationCodeTokenRequest",
    "AuthorizationServerMetadata",
    "AuthorizeError",
    "AuthorizeErrorCode",
    "BearerError",
    "BearerErrorCode",
    "ClientInformation",
    "ClientMetadata",
    "ClientRegistrationRequest",
    "CodeChallengeMethod",
    "DeviceAuthorizationRequest",
    "DeviceAuthorizationResponse",
    "DeviceCodeTokenRequest",
    "EmptyData",
    "Envelope",
    "ErrorEnvelope",
    "GrantType",
    "LegacyAccountInfo",
    "LegacyToken",
    "LegacyTokenResponse",
    "Market",
    "RefreshTokenRequest",
    "RegistrationError",
    "RegistrationErrorCode",
    "ResponseType",
    "RevocationError",
    "RevocationErrorCode",
    "RevocationRequest",
    "Security",
    "SecurityList",
    "SecurityListCategory",
    "SecurityListMarket",
    "SecurityListResponse",
    "SocketToken",
    "SocketTokenResponse",
    "TokenEndpointAuthMethod",
    "TokenError",
    "TokenErrorCode",
    "TokenResponse",
    "TokenTypeHint",
)
