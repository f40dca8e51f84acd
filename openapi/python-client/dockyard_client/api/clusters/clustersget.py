from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.cluster_read import ClusterRead
from ...models.problem import Problem
from typing import cast
from uuid import UUID



def _get_kwargs(
    cluster_id: UUID,

) -> dict[str, Any]:
    

    

    

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/clusters/{cluster_id}".format(cluster_id=quote(str(cluster_id), safe=""),),
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> ClusterRead | Problem | None:
    if response.status_code == 200:
        response_200 = ClusterRead.from_dict(response.json())



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

    if response.status_code == 422:
        response_422 = Problem.from_dict(response.json())



        return response_422

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[ClusterRead | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    cluster_id: UUID,
    *,
    client: AuthenticatedClient,

) -> Response[ClusterRead | Problem]:
    """ Get

     Get a cluster.

    Args:
        cluster_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ClusterRead | Problem]
     """


    kwargs = _get_kwargs(
        cluster_id=cluster_id,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    cluster_id: UUID,
    *,
    client: AuthenticatedClient,

) -> ClusterRead | Problem | None:
    """ Get

     Get a cluster.

    Args:
        cluster_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ClusterRead | Problem
     """


    return sync_detailed(
        cluster_id=cluster_id,
client=client,

    ).parsed

async def asyncio_detailed(
    cluster_id: UUID,
    *,
    client: AuthenticatedClient,

) -> Response[ClusterRead | Problem]:
    """ Get

     Get a cluster.

    Args:
        cluster_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ClusterRead | Problem]
     """


    kwargs = _get_kwargs(
        cluster_id=cluster_id,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    cluster_id: UUID,
    *,
    client: AuthenticatedClient,

) -> ClusterRead | Problem | None:
    """ Get

     Get a cluster.

    Args:
        cluster_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ClusterRead | Problem
     """


    return (await asyncio_detailed(
        cluster_id=cluster_id,
client=client,

    )).parsed
