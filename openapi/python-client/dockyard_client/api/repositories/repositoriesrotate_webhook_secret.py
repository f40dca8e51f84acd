from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.problem import Problem
from ...models.repository_read import RepositoryRead
from typing import cast
from uuid import UUID



def _get_kwargs(
    repo_id: UUID,

) -> dict[str, Any]:
    

    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/repositories/{repo_id}/webhook-secret".format(repo_id=quote(str(repo_id), safe=""),),
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | RepositoryRead | None:
    if response.status_code == 200:
        response_200 = RepositoryRead.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Problem | RepositoryRead]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    repo_id: UUID,
    *,
    client: AuthenticatedClient,

) -> Response[Problem | RepositoryRead]:
    """ Rotate Webhook Secret

     Replace the webhook secret (the group's developers); paste the new one into the git
    host.

    Args:
        repo_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | RepositoryRead]
     """


    kwargs = _get_kwargs(
        repo_id=repo_id,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    repo_id: UUID,
    *,
    client: AuthenticatedClient,

) -> Problem | RepositoryRead | None:
    """ Rotate Webhook Secret

     Replace the webhook secret (the group's developers); paste the new one into the git
    host.

    Args:
        repo_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | RepositoryRead
     """


    return sync_detailed(
        repo_id=repo_id,
client=client,

    ).parsed

async def asyncio_detailed(
    repo_id: UUID,
    *,
    client: AuthenticatedClient,

) -> Response[Problem | RepositoryRead]:
    """ Rotate Webhook Secret

     Replace the webhook secret (the group's developers); paste the new one into the git
    host.

    Args:
        repo_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | RepositoryRead]
     """


    kwargs = _get_kwargs(
        repo_id=repo_id,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    repo_id: UUID,
    *,
    client: AuthenticatedClient,

) -> Problem | RepositoryRead | None:
    """ Rotate Webhook Secret

     Replace the webhook secret (the group's developers); paste the new one into the git
    host.

    Args:
        repo_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | RepositoryRead
     """


    return (await asyncio_detailed(
        repo_id=repo_id,
client=client,

    )).parsed
