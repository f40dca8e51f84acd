from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.problem import Problem
from ...models.quota_read import QuotaRead
from typing import cast
from uuid import UUID



def _get_kwargs(
    cluster_id: UUID,
    group_id: UUID,

) -> dict[str, Any]:
    

    

    

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/clusters/{cluster_id}/quotas/{group_id}".format(cluster_id=quote(str(cluster_id), safe=""),group_id=quote(str(group_id), safe=""),),
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | QuotaRead | None:
    if response.status_code == 200:
        response_200 = QuotaRead.from_dict(response.json())



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

    if response.status_code == 422:
        response_422 = Problem.from_dict(response.json())



        return response_422

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Problem | QuotaRead]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    cluster_id: UUID,
    group_id: UUID,
    *,
    client: AuthenticatedClient,

) -> Response[Problem | QuotaRead]:
    """ Get

     A group's limits on a public cluster (platform admins).

    Args:
        cluster_id (UUID):
        group_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | QuotaRead]
     """


    kwargs = _get_kwargs(
        cluster_id=cluster_id,
group_id=group_id,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    cluster_id: UUID,
    group_id: UUID,
    *,
    client: AuthenticatedClient,

) -> Problem | QuotaRead | None:
    """ Get

     A group's limits on a public cluster (platform admins).

    Args:
        cluster_id (UUID):
        group_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | QuotaRead
     """


    return sync_detailed(
        cluster_id=cluster_id,
group_id=group_id,
client=client,

    ).parsed

async def asyncio_detailed(
    cluster_id: UUID,
    group_id: UUID,
    *,
    client: AuthenticatedClient,

) -> Response[Problem | QuotaRead]:
    """ Get

     A group's limits on a public cluster (platform admins).

    Args:
        cluster_id (UUID):
        group_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | QuotaRead]
     """


    kwargs = _get_kwargs(
        cluster_id=cluster_id,
group_id=group_id,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    cluster_id: UUID,
    group_id: UUID,
    *,
    client: AuthenticatedClient,

) -> Problem | QuotaRead | None:
    """ Get

     A group's limits on a public cluster (platform admins).

    Args:
        cluster_id (UUID):
        group_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | QuotaRead
     """


    return (await asyncio_detailed(
        cluster_id=cluster_id,
group_id=group_id,
client=client,

    )).parsed
