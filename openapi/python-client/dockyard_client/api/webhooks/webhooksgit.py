from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.problem import Problem
from ...models.webhook_answer import WebhookAnswer
from ...models.webhooksgit_data_body import WebhooksgitDataBody
from ...models.webhooksgit_json_body import WebhooksgitJsonBody
from typing import cast



def _get_kwargs(
    repo_id: str,
    *,
    body:    WebhooksgitJsonBody  |     WebhooksgitDataBody  | Unset = UNSET,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}


    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/hooks/git/{repo_id}".format(repo_id=quote(str(repo_id), safe=""),),
    }

    if isinstance(body, WebhooksgitJsonBody):
        _kwargs["json"] = body.to_dict()

        headers["Content-Type"] = "application/json"
    if isinstance(body, WebhooksgitDataBody):
        _kwargs["data"] = body.to_dict()
        headers["Content-Type"] = "application/x-www-form-urlencoded"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | WebhookAnswer | None:
    if response.status_code == 202:
        response_202 = WebhookAnswer.from_dict(response.json())



        return response_202

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())



        return response_400

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())



        return response_401

    if response.status_code == 413:
        response_413 = Problem.from_dict(response.json())



        return response_413

    if response.status_code == 422:
        response_422 = Problem.from_dict(response.json())



        return response_422

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Problem | WebhookAnswer]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    repo_id: str,
    *,
    client: AuthenticatedClient | Client,
    body:    WebhooksgitJsonBody  |     WebhooksgitDataBody  | Unset = UNSET,

) -> Response[Problem | WebhookAnswer]:
    """ Git

     Receive a GitHub, Gitea or GitLab webhook delivery (no token: the signature is the auth).

    GitHub: `X-Hub-Signature-256` (HMAC-SHA256 of the raw body with the repository's
    webhook secret); Gitea: `X-Gitea-Signature` (hex HMAC-SHA256); GitLab:
    `X-Gitlab-Token` (the secret itself). A push to the repository's branch builds it
    (`build_on_push`), a new tag builds the tag once (`build_on_tag`); everything else is
    answered 202 with the reason nothing was built. A delivery id seen before builds
    nothing. The build runs in the background.

    Args:
        repo_id (str):
        body (WebhooksgitJsonBody):
        body (WebhooksgitDataBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | WebhookAnswer]
     """


    kwargs = _get_kwargs(
        repo_id=repo_id,
body=body,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    repo_id: str,
    *,
    client: AuthenticatedClient | Client,
    body:    WebhooksgitJsonBody  |     WebhooksgitDataBody  | Unset = UNSET,

) -> Problem | WebhookAnswer | None:
    """ Git

     Receive a GitHub, Gitea or GitLab webhook delivery (no token: the signature is the auth).

    GitHub: `X-Hub-Signature-256` (HMAC-SHA256 of the raw body with the repository's
    webhook secret); Gitea: `X-Gitea-Signature` (hex HMAC-SHA256); GitLab:
    `X-Gitlab-Token` (the secret itself). A push to the repository's branch builds it
    (`build_on_push`), a new tag builds the tag once (`build_on_tag`); everything else is
    answered 202 with the reason nothing was built. A delivery id seen before builds
    nothing. The build runs in the background.

    Args:
        repo_id (str):
        body (WebhooksgitJsonBody):
        body (WebhooksgitDataBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | WebhookAnswer
     """


    return sync_detailed(
        repo_id=repo_id,
client=client,
body=body,

    ).parsed

async def asyncio_detailed(
    repo_id: str,
    *,
    client: AuthenticatedClient | Client,
    body:    WebhooksgitJsonBody  |     WebhooksgitDataBody  | Unset = UNSET,

) -> Response[Problem | WebhookAnswer]:
    """ Git

     Receive a GitHub, Gitea or GitLab webhook delivery (no token: the signature is the auth).

    GitHub: `X-Hub-Signature-256` (HMAC-SHA256 of the raw body with the repository's
    webhook secret); Gitea: `X-Gitea-Signature` (hex HMAC-SHA256); GitLab:
    `X-Gitlab-Token` (the secret itself). A push to the repository's branch builds it
    (`build_on_push`), a new tag builds the tag once (`build_on_tag`); everything else is
    answered 202 with the reason nothing was built. A delivery id seen before builds
    nothing. The build runs in the background.

    Args:
        repo_id (str):
        body (WebhooksgitJsonBody):
        body (WebhooksgitDataBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | WebhookAnswer]
     """


    kwargs = _get_kwargs(
        repo_id=repo_id,
body=body,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    repo_id: str,
    *,
    client: AuthenticatedClient | Client,
    body:    WebhooksgitJsonBody  |     WebhooksgitDataBody  | Unset = UNSET,

) -> Problem | WebhookAnswer | None:
    """ Git

     Receive a GitHub, Gitea or GitLab webhook delivery (no token: the signature is the auth).

    GitHub: `X-Hub-Signature-256` (HMAC-SHA256 of the raw body with the repository's
    webhook secret); Gitea: `X-Gitea-Signature` (hex HMAC-SHA256); GitLab:
    `X-Gitlab-Token` (the secret itself). A push to the repository's branch builds it
    (`build_on_push`), a new tag builds the tag once (`build_on_tag`); everything else is
    answered 202 with the reason nothing was built. A delivery id seen before builds
    nothing. The build runs in the background.

    Args:
        repo_id (str):
        body (WebhooksgitJsonBody):
        body (WebhooksgitDataBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | WebhookAnswer
     """


    return (await asyncio_detailed(
        repo_id=repo_id,
client=client,
body=body,

    )).parsed
