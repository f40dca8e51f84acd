from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.build_read import BuildRead
from ...models.problem import Problem
from typing import cast
from uuid import UUID



def _get_kwargs(
    build_id: UUID,

) -> dict[str, Any]:
    

    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/builds/{build_id}/cancel".format(build_id=quote(str(build_id), safe=""),),
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> BuildRead | Problem | None:
    if response.status_code == 200:
        response_200 = BuildRead.from_dict(response.json())



        return response_200

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())



        return response_400

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())



        return response_401

    if response.status_code == 403:
        response_403 = Problem.from_dict(response.json())



        return response_403

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[BuildRead | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    build_id: UUID,
    *,
    client: AuthenticatedClient,

) -> Response[BuildRead | Problem]:
    """ Cancel

     Cancel a build: a queued one at once, a running one as soon as the builder stops it.

    Args:
        build_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BuildRead | Problem]
     """


    kwargs = _get_kwargs(
        build_id=build_id,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    build_id: UUID,
    *,
    client: AuthenticatedClient,

) -> BuildRead | Problem | None:
    """ Cancel

     Cancel a build: a queued one at once, a running one as soon as the builder stops it.

    Args:
        build_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BuildRead | Problem
     """


    return sync_detailed(
        build_id=build_id,
client=client,

    ).parsed

async def asyncio_detailed(
    build_id: UUID,
    *,
    client: AuthenticatedClient,

) -> Response[BuildRead | Problem]:
    """ Cancel

     Cancel a build: a queued one at once, a running one as soon as the builder stops it.

    Args:
        build_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BuildRead | Problem]
     """


    kwargs = _get_kwargs(
        build_id=build_id,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    build_id: UUID,
    *,
    client: AuthenticatedClient,

) -> BuildRead | Problem | None:
    """ Cancel

     Cancel a build: a queued one at once, a running one as soon as the builder stops it.

    Args:
        build_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BuildRead | Problem
     """


    return (await asyncio_detailed(
        build_id=build_id,
client=client,

    )).parsed
