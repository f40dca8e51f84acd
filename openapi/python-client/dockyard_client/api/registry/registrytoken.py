from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.problem import Problem
from ...models.registry_token import RegistryToken
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    *,
    service: None | str | Unset = UNSET,
    scope: list[str] | None | Unset = UNSET,
    authorization: None | str | Unset = UNSET,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(authorization, Unset):
        headers["authorization"] = authorization



    

    params: dict[str, Any] = {}

    json_service: None | str | Unset
    if isinstance(service, Unset):
        json_service = UNSET
    else:
        json_service = service
    params["service"] = json_service

    json_scope: list[str] | None | Unset
    if isinstance(scope, Unset):
        json_scope = UNSET
    elif isinstance(scope, list):
        json_scope = scope


    else:
        json_scope = scope
    params["scope"] = json_scope


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/registry/token",
        "params": params,
    }


    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | RegistryToken | None:
    if response.status_code == 200:
        response_200 = RegistryToken.from_dict(response.json())



        return response_200

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())



        return response_400

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())



        return response_401

    if response.status_code == 422:
        response_422 = Problem.from_dict(response.json())



        return response_422

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Problem | RegistryToken]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    service: None | str | Unset = UNSET,
    scope: list[str] | None | Unset = UNSET,
    authorization: None | str | Unset = UNSET,

) -> Response[Problem | RegistryToken]:
    """ Token

     Docker registry token auth: Basic credentials (password or access token) in, a
    token granting the requested actions you hold out (`docker login` asks for none).

    Args:
        service (None | str | Unset):
        scope (list[str] | None | Unset):
        authorization (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | RegistryToken]
     """


    kwargs = _get_kwargs(
        service=service,
scope=scope,
authorization=authorization,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient | Client,
    service: None | str | Unset = UNSET,
    scope: list[str] | None | Unset = UNSET,
    authorization: None | str | Unset = UNSET,

) -> Problem | RegistryToken | None:
    """ Token

     Docker registry token auth: Basic credentials (password or access token) in, a
    token granting the requested actions you hold out (`docker login` asks for none).

    Args:
        service (None | str | Unset):
        scope (list[str] | None | Unset):
        authorization (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | RegistryToken
     """


    return sync_detailed(
        client=client,
service=service,
scope=scope,
authorization=authorization,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    service: None | str | Unset = UNSET,
    scope: list[str] | None | Unset = UNSET,
    authorization: None | str | Unset = UNSET,

) -> Response[Problem | RegistryToken]:
    """ Token

     Docker registry token auth: Basic credentials (password or access token) in, a
    token granting the requested actions you hold out (`docker login` asks for none).

    Args:
        service (None | str | Unset):
        scope (list[str] | None | Unset):
        authorization (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | RegistryToken]
     """


    kwargs = _get_kwargs(
        service=service,
scope=scope,
authorization=authorization,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    service: None | str | Unset = UNSET,
    scope: list[str] | None | Unset = UNSET,
    authorization: None | str | Unset = UNSET,

) -> Problem | RegistryToken | None:
    """ Token

     Docker registry token auth: Basic credentials (password or access token) in, a
    token granting the requested actions you hold out (`docker login` asks for none).

    Args:
        service (None | str | Unset):
        scope (list[str] | None | Unset):
        authorization (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | RegistryToken
     """


    return (await asyncio_detailed(
        client=client,
service=service,
scope=scope,
authorization=authorization,

    )).parsed
