"""Contains all the data models used in inputs/outputs"""

from .asset_account_balance import AssetAccountBalance
from .asset_account_balances import AssetAccountBalances
from .asset_balance_currency import AssetBalanceCurrency
from .asset_business_type_query import AssetBusinessTypeQuery
from .asset_cash_flow import AssetCashFlow
from .asset_cash_flow_business_type_type_0 import AssetCashFlowBusinessTypeType0
from .asset_cash_flow_business_type_type_1 import AssetCashFlowBusinessTypeType1
from .asset_cash_flow_direction_type_0 import AssetCashFlowDirectionType0
from .asset_cash_flow_direction_type_1 import AssetCashFlowDirectionType1
from .asset_cash_flows import AssetCashFlows
from .asset_cash_info import AssetCashInfo
from .asset_exchange_rate import AssetExchangeRate
from .asset_exchange_rates import AssetExchangeRates
from .asset_frozen_transaction_fee import AssetFrozenTransactionFee
from .asset_fund_channel import AssetFundChannel
from .asset_fund_info import AssetFundInfo
from .asset_fund_positions import AssetFundPositions
from .asset_margin_ratio import AssetMarginRatio
from .asset_risk_level_type_0 import AssetRiskLevelType0
from .asset_risk_level_type_1 import AssetRiskLevelType1
from .asset_statement import AssetStatement
from .asset_statement_download import AssetStatementDownload
from .asset_statement_type import AssetStatementType
from .asset_statements import AssetStatements
from .asset_stock_channel import AssetStockChannel
from .asset_stock_info import AssetStockInfo
from .asset_stock_positions import AssetStockPositions
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
from .get_account_balance_response import GetAccountBalanceResponse
from .get_exchange_rates_response import GetExchangeRatesResponse
from .get_margin_ratio_response import GetMarginRatioResponse
from .get_statement_download_url_response import GetStatementDownloadUrlResponse
from .grant_type import GrantType
from .legacy_account_info import LegacyAccountInfo
from .legacy_token import LegacyToken
from .legacy_token_response import LegacyTokenResponse
from .list_cash_flow_response import ListCashFlowResponse
from .list_fund_positions_response import ListFundPositionsResponse
from .list_statements_response import ListStatementsResponse
from .list_stock_positions_response import ListStockPositionsResponse
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
    "AssetAccountBalance",
    "AssetAccountBalances",
    "AssetBalanceCurrency",
    "AssetBusinessTypeQuery",
    "AssetCashFlow",
    "AssetCashFlowBusinessTypeType0",
    "AssetCashFlowBusinessTypeType1",
    "AssetCashFlowDirectionType0",
    "AssetCashFlowDirectionType1",
    "AssetCashFlows",
    "AssetCashInfo",
    "AssetExchangeRate",
    "AssetExchangeRates",
    "AssetFrozenTransactionFee",
    "AssetFundChannel",
    "AssetFundInfo",
    "AssetFundPositions",
    "AssetMarginRatio",
    "AssetRiskLevelType0",
    "AssetRiskLevelType1",
    "AssetStatement",
    "AssetStatementDownload",
    "AssetStatements",
    "AssetStatementType",
    "AssetStockChannel",
    "AssetStockInfo",
    "AssetStockPositions",
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
    "GetAccountBalanceResponse",
    "GetExchangeRatesResponse",
    "GetMarginRatioResponse",
    "GetStatementDownloadUrlResponse",
    "GrantType",
    "LegacyAccountInfo",
    "LegacyToken",
    "LegacyTokenResponse",
    "ListCashFlowResponse",
    "ListFundPositionsResponse",
    "ListStatementsResponse",
    "ListStockPositionsResponse",
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
