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
from .cancel_order_response import CancelOrderResponse
from .client_information import ClientInformation
from .client_metadata import ClientMetadata
from .client_registration_request import ClientRegistrationRequest
from .code_challenge_method import CodeChallengeMethod
from .content_author import ContentAuthor
from .content_comment import ContentComment
from .content_comment_created import ContentCommentCreated
from .content_comments import ContentComments
from .content_create_comment_request import ContentCreateCommentRequest
from .content_create_topic_request import ContentCreateTopicRequest
from .content_image import ContentImage
from .content_summaries import ContentSummaries
from .content_summary import ContentSummary
from .content_topic import ContentTopic
from .content_topic_created import ContentTopicCreated
from .content_topic_detail import ContentTopicDetail
from .content_topic_id import ContentTopicId
from .content_topic_type import ContentTopicType
from .content_topics import ContentTopics
from .create_topic_comment_response import CreateTopicCommentResponse
from .create_topic_response import CreateTopicResponse
from .create_watchlist_group_response import CreateWatchlistGroupResponse
from .delete_watchlist_group_response import DeleteWatchlistGroupResponse
from .device_authorization_request import DeviceAuthorizationRequest
from .device_authorization_response import DeviceAuthorizationResponse
from .device_code_token_request import DeviceCodeTokenRequest
from .empty_data import EmptyData
from .envelope import Envelope
from .error_envelope import ErrorEnvelope
from .estimate_max_purchase_quantity_response import EstimateMaxPurchaseQuantityResponse
from .execution import Execution
from .get_account_balance_response import GetAccountBalanceResponse
from .get_exchange_rates_response import GetExchangeRatesResponse
from .get_history_market_temperature_response import GetHistoryMarketTemperatureResponse
from .get_margin_ratio_response import GetMarginRatioResponse
from .get_market_temperature_response import GetMarketTemperatureResponse
from .get_order_detail_response import GetOrderDetailResponse
from .get_statement_download_url_response import GetStatementDownloadUrlResponse
from .get_topic_response import GetTopicResponse
from .grant_type import GrantType
from .history_executions import HistoryExecutions
from .history_orders import HistoryOrders
from .legacy_account_info import LegacyAccountInfo
from .legacy_token import LegacyToken
from .legacy_token_response import LegacyTokenResponse
from .list_cash_flow_response import ListCashFlowResponse
from .list_filings_response import ListFilingsResponse
from .list_fund_positions_response import ListFundPositionsResponse
from .list_history_executions_response import ListHistoryExecutionsResponse
from .list_history_orders_response import ListHistoryOrdersResponse
from .list_my_topics_response import ListMyTopicsResponse
from .list_news_response import ListNewsResponse
from .list_statements_response import ListStatementsResponse
from .list_stock_positions_response import ListStockPositionsResponse
from .list_today_executions_response import ListTodayExecutionsResponse
from .list_today_orders_response import ListTodayOrdersResponse
from .list_topic_comments_response import ListTopicCommentsResponse
from .list_topics_response import ListTopicsResponse
from .list_watchlist_groups_response import ListWatchlistGroupsResponse
from .market import Market
from .max_purchase_quantity import MaxPurchaseQuantity
from .order import Order
from .order_detail import OrderDetail
from .order_side import OrderSide
from .order_status import OrderStatus
from .order_tag import OrderTag
from .order_type import OrderType
from .outside_rth import OutsideRTH
from .refresh_token_request import RefreshTokenRequest
from .registration_error import RegistrationError
from .registration_error_code import RegistrationErrorCode
from .replace_order_response import ReplaceOrderResponse
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
from .submit_order_response import SubmitOrderResponse
from .submitted_order import SubmittedOrder
from .time_in_force import TimeInForce
from .today_executions import TodayExecutions
from .today_orders import TodayOrders
from .token_endpoint_auth_method import TokenEndpointAuthMethod
from .token_error import TokenError
from .token_error_code import TokenErrorCode
from .token_response import TokenResponse
from .token_type_hint import TokenTypeHint
from .trade_charge_category import TradeChargeCategory
from .trade_charge_detail import TradeChargeDetail
from .trade_charge_fee import TradeChargeFee
from .trade_charge_item import TradeChargeItem
from .trade_market import TradeMarket
from .trade_order_history_entry import TradeOrderHistoryEntry
from .trade_replace_order_request import TradeReplaceOrderRequest
from .trade_submit_order_request import TradeSubmitOrderRequest
from .trigger_status import TriggerStatus
from .update_pinned_securities_response import UpdatePinnedSecuritiesResponse
from .update_watchlist_group_response import UpdateWatchlistGroupResponse
from .watchlist_create_group_request import WatchlistCreateGroupRequest
from .watchlist_filing import WatchlistFiling
from .watchlist_filings import WatchlistFilings
from .watchlist_group import WatchlistGroup
from .watchlist_group_created import WatchlistGroupCreated
from .watchlist_groups import WatchlistGroups
from .watchlist_market_temperature import WatchlistMarketTemperature
from .watchlist_market_temperature_history import WatchlistMarketTemperatureHistory
from .watchlist_market_temperature_history_type import (
    WatchlistMarketTemperatureHistoryType,
)
from .watchlist_pinned_mode import WatchlistPinnedMode
from .watchlist_security import WatchlistSecurity
from .watchlist_temperature_market import WatchlistTemperatureMarket
from .watchlist_temperature_row import WatchlistTemperatureRow
from .watchlist_update_group_request import WatchlistUpdateGroupRequest
from .watchlist_update_mode import WatchlistUpdateMode
from .watchlist_update_pinned_request import WatchlistUpdatePinnedRequest

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
    "CancelOrderResponse",
    "ClientInformation",
    "ClientMetadata",
    "ClientRegistrationRequest",
    "CodeChallengeMethod",
    "ContentAuthor",
    "ContentComment",
    "ContentCommentCreated",
    "ContentComments",
    "ContentCreateCommentRequest",
    "ContentCreateTopicRequest",
    "ContentImage",
    "ContentSummaries",
    "ContentSummary",
    "ContentTopic",
    "ContentTopicCreated",
    "ContentTopicDetail",
    "ContentTopicId",
    "ContentTopics",
    "ContentTopicType",
    "CreateTopicCommentResponse",
    "CreateTopicResponse",
    "CreateWatchlistGroupResponse",
    "DeleteWatchlistGroupResponse",
    "DeviceAuthorizationRequest",
    "DeviceAuthorizationResponse",
    "DeviceCodeTokenRequest",
    "EmptyData",
    "Envelope",
    "ErrorEnvelope",
    "EstimateMaxPurchaseQuantityResponse",
    "Execution",
    "GetAccountBalanceResponse",
    "GetExchangeRatesResponse",
    "GetHistoryMarketTemperatureResponse",
    "GetMarginRatioResponse",
    "GetMarketTemperatureResponse",
    "GetOrderDetailResponse",
    "GetStatementDownloadUrlResponse",
    "GetTopicResponse",
    "GrantType",
    "HistoryExecutions",
    "HistoryOrders",
    "LegacyAccountInfo",
    "LegacyToken",
    "LegacyTokenResponse",
    "ListCashFlowResponse",
    "ListFilingsResponse",
    "ListFundPositionsResponse",
    "ListHistoryExecutionsResponse",
    "ListHistoryOrdersResponse",
    "ListMyTopicsResponse",
    "ListNewsResponse",
    "ListStatementsResponse",
    "ListStockPositionsResponse",
    "ListTodayExecutionsResponse",
    "ListTodayOrdersResponse",
    "ListTopicCommentsResponse",
    "ListTopicsResponse",
    "ListWatchlistGroupsResponse",
    "Market",
    "MaxPurchaseQuantity",
    "Order",
    "OrderDetail",
    "OrderSide",
    "OrderStatus",
    "OrderTag",
    "OrderType",
    "OutsideRTH",
    "RefreshTokenRequest",
    "RegistrationError",
    "RegistrationErrorCode",
    "ReplaceOrderResponse",
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
    "SubmitOrderResponse",
    "SubmittedOrder",
    "TimeInForce",
    "TodayExecutions",
    "TodayOrders",
    "TokenEndpointAuthMethod",
    "TokenError",
    "TokenErrorCode",
    "TokenResponse",
    "TokenTypeHint",
    "TradeChargeCategory",
    "TradeChargeDetail",
    "TradeChargeFee",
    "TradeChargeItem",
    "TradeMarket",
    "TradeOrderHistoryEntry",
    "TradeReplaceOrderRequest",
    "TradeSubmitOrderRequest",
    "TriggerStatus",
    "UpdatePinnedSecuritiesResponse",
    "UpdateWatchlistGroupResponse",
    "WatchlistCreateGroupRequest",
    "WatchlistFiling",
    "WatchlistFilings",
    "WatchlistGroup",
    "WatchlistGroupCreated",
    "WatchlistGroups",
    "WatchlistMarketTemperature",
    "WatchlistMarketTemperatureHistory",
    "WatchlistMarketTemperatureHistoryType",
    "WatchlistPinnedMode",
    "WatchlistSecurity",
    "WatchlistTemperatureMarket",
    "WatchlistTemperatureRow",
    "WatchlistUpdateGroupRequest",
    "WatchlistUpdateMode",
    "WatchlistUpdatePinnedRequest",
)
