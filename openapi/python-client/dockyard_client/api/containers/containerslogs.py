from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.problem import Problem
from ...types import UNSET, Unset
from typing import cast
from uuid import UUID



def _get_kwargs(
    container_id: UUID,
    *,
    tail: int | Unset = 200,
    follow: bool | Unset = False,
    seconds: float | Unset = 60.0,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    params["tail"] = tail

    params["follow"] = follow

    params["seconds"] = seconds


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/containers/{container_id}/logs".format(container_id=quote(str(container_id), safe=""),),
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Any | Problem | None:
    if response.status_code == 200:
        response_200 = response.json()
        return response_200

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())



        return response_400

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())



        return response_401

    if response.status_code == 404:
        response_404 = Problem.from_dict(response.json())



        return response_404

    if response.status_code == 409:
        response_409 = Problem.from_dict(response.json())



        return response_409

    if response.status_code == 422:
        response_422 = Problem.from_dict(response.json())



        return response_422

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Any | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    container_id: UUID,
    *,
    client: AuthenticatedClient,
    tail: int | Unset = 200,
    follow: bool | Unset = False,
    seconds: float | Unset = 60.0,

) -> Response[Any | Problem]:
    """ Logs

     The container's output: the last lines, or a live follow for a bounded time.

    Args:
        container_id (UUID):
        tail (int | Unset):  Default: 200.
        follow (bool | Unset):  Default: False.
        seconds (float | Unset):  Default: 60.0.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Problem]
     """


    kwargs = _get_kwargs(
        container_id=container_id,
tail=tail,
follow=follow,
seconds=seconds,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    container_id: UUID,
    *,
    client: AuthenticatedClient,
    tail: int | Unset = 200,
    follow: bool | Unset = False,
    seconds: float | Unset = 60.0,

) -> Any | Problem | None:
    """ Logs

     The container's output: the last lines, or a live follow for a bounded time.

    Args:
        container_id (UUID):
        tail (int | Unset):  Default: 200.
        follow (bool | Unset):  Default: False.
        seconds (float | Unset):  Default: 60.0.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Problem
     """


    return sync_detailed(
        container_id=container_id,
client=client,
tail=tail,
follow=follow,
seconds=seconds,

    ).parsed

async def asyncio_detailed(
    container_id: UUID,
    *,
    client: AuthenticatedClient,
    tail: int | Unset = 200,
    follow: bool | Unset = False,
    seconds: float | Unset = 60.0,

) -> Response[Any | Problem]:
    """ Logs

     The container's output: the last lines, or a live follow for a bounded time.

    Args:
        container_id (UUID):
        tail (int | Unset):  Default: 200.
        follow (bool | Unset):  Default: False.
        seconds (float | Unset):  Default: 60.0.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Problem]
     """


    kwargs = _get_kwargs(
        container_id=container_id,
tail=tail,
follow=follow,
seconds=seconds,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    container_id: UUID,
    *,
    client: AuthenticatedClient,
    tail: int | Unset = 200,
    follow: bool | Unset = False,
    seconds: float | Unset = 60.0,

) -> Any | Problem | None:
    """ Logs

     The container's output: the last lines, or a live follow for a bounded time.

    Args:
        container_id (UUID):
        tail (int | Unset):  Default: 200.
        follow (bool | Unset):  Default: False.
        seconds (float | Unset):  Default: 60.0.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Problem
     """


    return (await asyncio_detailed(
        container_id=container_id,
client=client,
tail=tail,
follow=follow,
seconds=seconds,

    )).parsed
