from django.contrib import admin
from django.http import JsonResponse
from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerView

from accounts import app_login
from accounts.apis import AppLoginExchangeApi
from comments import account_apis
from comments import apis as comment_apis
from moderation.apis.appeals import AppealCreateApi

api_v1 = [
    path("articles/<str:key>/", comment_apis.ArticleApi.as_view(), name="article"),
    path(
        "articles/<str:key>/comments/",
        comment_apis.ArticleCommentsApi.as_view(),
        name="article-comments",
    ),
    path("comments/<int:comment_id>/", comment_apis.CommentApi.as_view(), name="comment"),
    path(
        "comments/<int:comment_id>/replies/",
        comment_apis.CommentRepliesApi.as_view(),
        name="comment-replies",
    ),
    path(
        "comments/<int:comment_id>/reaction/",
        comment_apis.ReactionApi.as_view(),
        name="comment-reaction",
    ),
    path(
        "comments/<int:comment_id>/reports/",
        comment_apis.ReportCreateApi.as_view(),
        name="comment-reports",
    ),
    path("comments/<int:comment_id>/appeal/", AppealCreateApi.as_view(), name="comment-appeal"),
    path("policy/", comment_apis.PolicyApi.as_view(), name="policy"),
    path("me/", account_apis.MeApi.as_view(), name="me"),
    path("me/comments/", account_apis.MeCommentsApi.as_view(), name="me-comments"),
    path("me/export/", account_apis.MeExportApi.as_view(), name="me-export"),
    path("me/exports/", account_apis.MeDataExportsApi.as_view(), name="me-exports"),
    path(
        "me/exports/<int:export_id>/",
        account_apis.MeDataExportApi.as_view(),
        name="me-export-detail",
    ),
    path(
        "me/exports/<int:export_id>/download/",
        account_apis.MeDataExportDownloadApi.as_view(),
        name="me-export-download",
    ),
    path("auth/app/redirect", app_login.app_login_redirect, name="app-login-redirect"),
    path("auth/app/finish", app_login.app_login_finish, name="app-login-finish"),
    path("auth/app/exchange", AppLoginExchangeApi.as_view(), name="app-login-exchange"),
    path("moderation/", include("moderation.urls")),
]


def api_not_found(request, exception=None):
    if request.path.startswith("/api/"):
        return JsonResponse({"error": {"code": "not_found", "message": "Not found."}}, status=404)
    from django.views.defaults import page_not_found

    return page_not_found(request, exception)


def server_error(request):
    if request.path.startswith("/api/"):
        return JsonResponse(
            {"error": {"code": "server_error", "message": "Something went wrong on our side."}},
            status=500,
        )
    from django.views.defaults import server_error as default

    return default(request)


handler404 = api_not_found
handler500 = server_error

urlpatterns = [
    path("admin/", admin.site.urls),
    path("accounts/", include("allauth.urls")),
    path("_allauth/", include("allauth.headless.urls")),
    path("api/v1/", include((api_v1, "api"), namespace="v1")),
    path("api/schema/", SpectacularAPIView.as_view(), name="schema"),
    path("api/docs/", SpectacularSwaggerView.as_view(url_name="schema"), name="docs"),
]
