from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.job_accepted import JobAccepted
from ...models.problem import Problem
from typing import cast
from uuid import UUID



def _get_kwargs(
    container_id: UUID,

) -> dict[str, Any]:
    

    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/containers/{container_id}/restart".format(container_id=quote(str(container_id), safe=""),),
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> JobAccepted | Problem | None:
    if response.status_code == 202:
        response_202 = JobAccepted.from_dict(response.json())



        return response_202

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[JobAccepted | Problem]:
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

) -> Response[JobAccepted | Problem]:
    """ Restart

     Restart a container: out of its app's route first, back once it serves.

    Args:
        container_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[JobAccepted | Problem]
     """


    kwargs = _get_kwargs(
        container_id=container_id,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    container_id: UUID,
    *,
    client: AuthenticatedClient,

) -> JobAccepted | Problem | None:
    """ Restart

     Restart a container: out of its app's route first, back once it serves.

    Args:
        container_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        JobAccepted | Problem
     """


    return sync_detailed(
        container_id=container_id,
client=client,

    ).parsed

async def asyncio_detailed(
    container_id: UUID,
    *,
    client: AuthenticatedClient,

) -> Response[JobAccepted | Problem]:
    """ Restart

     Restart a container: out of its app's route first, back once it serves.

    Args:
        container_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[JobAccepted | Problem]
     """


    kwargs = _get_kwargs(
        container_id=container_id,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    container_id: UUID,
    *,
    client: AuthenticatedClient,

) -> JobAccepted | Problem | None:
    """ Restart

     Restart a container: out of its app's route first, back once it serves.

    Args:
        container_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        JobAccepted | Problem
     """


    return (await asyncio_detailed(
        container_id=container_id,
client=client,

    )).parsed
