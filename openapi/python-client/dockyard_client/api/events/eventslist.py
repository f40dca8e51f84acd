from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.page_event_read import PageEventRead
from ...models.problem import Problem
from ...types import UNSET, Unset
from typing import cast
from uuid import UUID



def _get_kwargs(
    *,
    target_type: None | str | Unset = UNSET,
    target_id: None | str | Unset = UNSET,
    group_id: None | Unset | UUID = UNSET,
    action: None | str | Unset = UNSET,
    actor_id: None | Unset | UUID = UNSET,
    outcome: None | str | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    json_target_type: None | str | Unset
    if isinstance(target_type, Unset):
        json_target_type = UNSET
    else:
        json_target_type = target_type
    params["target_type"] = json_target_type

    json_target_id: None | str | Unset
    if isinstance(target_id, Unset):
        json_target_id = UNSET
    else:
        json_target_id = target_id
    params["target_id"] = json_target_id

    json_group_id: None | str | Unset
    if isinstance(group_id, Unset):
        json_group_id = UNSET
    elif isinstance(group_id, UUID):
        json_group_id = str(group_id)
    else:
        json_group_id = group_id
    params["group_id"] = json_group_id

    json_action: None | str | Unset
    if isinstance(action, Unset):
        json_action = UNSET
    else:
        json_action = action
    params["action"] = json_action

    json_actor_id: None | str | Unset
    if isinstance(actor_id, Unset):
        json_actor_id = UNSET
    elif isinstance(actor_id, UUID):
        json_actor_id = str(actor_id)
    else:
        json_actor_id = actor_id
    params["actor_id"] = json_actor_id

    json_outcome: None | str | Unset
    if isinstance(outcome, Unset):
        json_outcome = UNSET
    else:
        json_outcome = outcome
    params["outcome"] = json_outcome

    params["limit"] = limit

    json_cursor: None | str | Unset
    if isinstance(cursor, Unset):
        json_cursor = UNSET
    else:
        json_cursor = cursor
    params["cursor"] = json_cursor


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/events",
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> PageEventRead | Problem | None:
    if response.status_code == 200:
        response_200 = PageEventRead.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[PageEventRead | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    target_type: None | str | Unset = UNSET,
    target_id: None | str | Unset = UNSET,
    group_id: None | Unset | UUID = UNSET,
    action: None | str | Unset = UNSET,
    actor_id: None | Unset | UUID = UNSET,
    outcome: None | str | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,

) -> Response[PageEventRead | Problem]:
    """ List

     List events you may see, newest first, optionally filtered.

    Args:
        target_type (None | str | Unset):
        target_id (None | str | Unset):
        group_id (None | Unset | UUID):
        action (None | str | Unset): An action or its prefix, e.g. `app.` for every app action.
        actor_id (None | Unset | UUID):
        outcome (None | str | Unset):
        limit (int | Unset): Items per page. Default: 50.
        cursor (None | str | Unset): next_cursor of the previous page.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageEventRead | Problem]
     """


    kwargs = _get_kwargs(
        target_type=target_type,
target_id=target_id,
group_id=group_id,
action=action,
actor_id=actor_id,
outcome=outcome,
limit=limit,
cursor=cursor,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient,
    target_type: None | str | Unset = UNSET,
    target_id: None | str | Unset = UNSET,
    group_id: None | Unset | UUID = UNSET,
    action: None | str | Unset = UNSET,
    actor_id: None | Unset | UUID = UNSET,
    outcome: None | str | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,

) -> PageEventRead | Problem | None:
    """ List

     List events you may see, newest first, optionally filtered.

    Args:
        target_type (None | str | Unset):
        target_id (None | str | Unset):
        group_id (None | Unset | UUID):
        action (None | str | Unset): An action or its prefix, e.g. `app.` for every app action.
        actor_id (None | Unset | UUID):
        outcome (None | str | Unset):
        limit (int | Unset): Items per page. Default: 50.
        cursor (None | str | Unset): next_cursor of the previous page.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageEventRead | Problem
     """


    return sync_detailed(
        client=client,
target_type=target_type,
target_id=target_id,
group_id=group_id,
action=action,
actor_id=actor_id,
outcome=outcome,
limit=limit,
cursor=cursor,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    target_type: None | str | Unset = UNSET,
    target_id: None | str | Unset = UNSET,
    group_id: None | Unset | UUID = UNSET,
    action: None | str | Unset = UNSET,
    actor_id: None | Unset | UUID = UNSET,
    outcome: None | str | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,

) -> Response[PageEventRead | Problem]:
    """ List

     List events you may see, newest first, optionally filtered.

    Args:
        target_type (None | str | Unset):
        target_id (None | str | Unset):
        group_id (None | Unset | UUID):
        action (None | str | Unset): An action or its prefix, e.g. `app.` for every app action.
        actor_id (None | Unset | UUID):
        outcome (None | str | Unset):
        limit (int | Unset): Items per page. Default: 50.
        cursor (None | str | Unset): next_cursor of the previous page.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageEventRead | Problem]
     """


    kwargs = _get_kwargs(
        target_type=target_type,
target_id=target_id,
group_id=group_id,
action=action,
actor_id=actor_id,
outcome=outcome,
limit=limit,
cursor=cursor,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient,
    target_type: None | str | Unset = UNSET,
    target_id: None | str | Unset = UNSET,
    group_id: None | Unset | UUID = UNSET,
    action: None | str | Unset = UNSET,
    actor_id: None | Unset | UUID = UNSET,
    outcome: None | str | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,

) -> PageEventRead | Problem | None:
    """ List

     List events you may see, newest first, optionally filtered.

    Args:
        target_type (None | str | Unset):
        target_id (None | str | Unset):
        group_id (None | Unset | UUID):
        action (None | str | Unset): An action or its prefix, e.g. `app.` for every app action.
        actor_id (None | Unset | UUID):
        outcome (None | str | Unset):
        limit (int | Unset): Items per page. Default: 50.
        cursor (None | str | Unset): next_cursor of the previous page.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageEventRead | Problem
     """


    return (await asyncio_detailed(
        client=client,
target_type=target_type,
target_id=target_id,
group_id=group_id,
action=action,
actor_id=actor_id,
outcome=outcome,
limit=limit,
cursor=cursor,

    )).parsed
