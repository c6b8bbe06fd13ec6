"""Parley settings, read from the environment (twelve-factor).

Embedded defaults (no environment at all): SQLite under ``var/``, a
file-based cache shared by the processes of one host, Celery tasks run
in-process. Production sets ``DATABASE_URL`` (PostgreSQL), ``REDIS_URL``
(cache, rate limits, claims), ``CELERY_BROKER_URL`` and ``SECRET_KEY``.
"""

from pathlib import Path

import environ

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(environ.Env().str("PARLEY_VAR_DIR", default=str(BASE_DIR / "var")))

env = environ.Env()

DEBUG = env.bool("DEBUG", default=False)

# Secrets come only from the environment. A development key is allowed only
# with DEBUG on, so a production process without SECRET_KEY refuses to start.
if DEBUG:
    SECRET_KEY = env.str("SECRET_KEY", default="parley-insecure-development-key-do-not-deploy")
else:
    SECRET_KEY = env.str("SECRET_KEY")

ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "testserver"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "allauth",
    "allauth.account",
    "allauth.socialaccount",
    "allauth.headless",
    "allauth.usersessions",
    "allauth.socialaccount.providers.twitter_oauth2",
    "allauth.socialaccount.providers.twitter",
    "allauth.socialaccount.providers.facebook",
    "accounts",
    "comments",
    "moderation",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Serves the admin's and the API docs' static files from STATIC_ROOT
    # (`manage.py collectstatic`), so gunicorn alone is a complete deployment.
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "config.api.middleware.RejectNulMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

DATABASES = {
    "default": env.db("DATABASE_URL", default=f"sqlite:///{VAR_DIR / 'parley.sqlite3'}"),
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    DATABASES["default"].setdefault("CONN_MAX_AGE", env.int("DB_CONN_MAX_AGE", default=60))
    # A SELECT 1 before the first query of each request on a reused connection, so
    # that a connection the database dropped (restart, failover, idle timeout) is
    # replaced instead of failing one request per process. On by default: it costs
    # one local round trip (about 25 us here) per request that touches the database.
    # Off only where connections cannot go stale under the app (e.g. a PgBouncer
    # that itself checks server connections).
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = env.bool("DB_CONN_HEALTH_CHECKS", default=True)
    # Server-side parameters and prepared statements (psycopg 3): a statement run
    # twice on a connection is prepared, and PostgreSQL stops planning it on every
    # request. Planning cost more than running the hot statements (the signed-in
    # page's viewer query: ~0.18 ms to plan, ~0.05 ms to run); PostgreSQL CPU per
    # signed-in page halved in bench/. Off (Django's default client-side binding)
    # for a pooler that cannot carry prepared statements (PgBouncer in transaction
    # mode before 1.21, or without max_prepared_statements).
    if env.bool("DB_PREPARED_STATEMENTS", default=True):
        DATABASES["default"].setdefault("OPTIONS", {}).update(
            server_side_binding=True, prepare_threshold=2
        )
    DATABASES["default"].setdefault("TEST", {})
    if env.str("TEST_DATABASE_NAME", default=""):
        DATABASES["default"]["TEST"]["NAME"] = env.str("TEST_DATABASE_NAME")
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Shared state (rate limits, claims, caches) must be visible to every web
# process: Redis in production; on the embedded default a file cache that the
# processes of one host share.
REDIS_URL = env.str("REDIS_URL", default="")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "config.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": env.str("CACHE_KEY_PREFIX", default="parley"),
        }
    }
    # Sessions (and so allauth's X-Session-Token) are read from Redis and written
    # through to the database: every web process sees the same session, a Redis
    # flush only costs a database read, and logout deletes both.
    # ``config.sessions`` is Django's cached_db engine whose reads can share a view's
    # first cache round trip.
    SESSION_ENGINE = "config.sessions"
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": str(VAR_DIR / "cache"),
        }
    }

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-us"
TIME_ZONE = "Asia/Seoul"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = env.str("STATIC_ROOT", default=str(BASE_DIR / "staticfiles"))

# Requests: bodies are small JSON documents. Anything larger is refused early.
DATA_UPLOAD_MAX_MEMORY_SIZE = env.int("DATA_UPLOAD_MAX_MEMORY_SIZE", default=64 * 1024)

# --- django-allauth -------------------------------------------------------
ACCOUNT_LOGIN_METHODS = {"username"}
ACCOUNT_SIGNUP_FIELDS = ["username*", "password1*", "password2*"]
ACCOUNT_EMAIL_VERIFICATION = "none"
ACCOUNT_LOGIN_ON_PASSWORD_RESET = False
HEADLESS_CLIENTS = ("app", "browser")
HEADLESS_SERVE_SPECIFICATION = True
# allauth's session tokens, read once per request instead of exists() + load.
HEADLESS_TOKEN_STRATEGY = "accounts.tokens.SingleReadSessionTokenStrategy"
HEADLESS_FRONTEND_URLS = {
    "socialaccount_login_error": env.str(
        "PARLEY_FRONTEND_LOGIN_ERROR_URL", default="/accounts/social/login/error/"
    ),
}

# --- Social sign-in (X, Twitter 1.0a, Facebook) ----------------------------
# Providers with credentials in the environment (see config/social.py and the
# README's "Connecting X and Facebook"); the Django admin can add more apps.
from config.social import providers_from_env  # noqa: E402

SOCIALACCOUNT_PROVIDERS = providers_from_env(env.ENVIRON)
SOCIALACCOUNT_ADAPTER = "accounts.social.ParleySocialAccountAdapter"
SOCIALACCOUNT_AUTO_SIGNUP = True
SOCIALACCOUNT_EMAIL_REQUIRED = False  # X gives no e-mail address
SOCIALACCOUNT_EMAIL_VERIFICATION = "none"
SOCIALACCOUNT_QUERY_EMAIL = True
# Auto-connect a social login to an existing account only through an address
# the provider marks verified AND the account has verified (the adapter checks both).
SOCIALACCOUNT_EMAIL_AUTHENTICATION = True
SOCIALACCOUNT_EMAIL_AUTHENTICATION_AUTO_CONNECT = True
SOCIALACCOUNT_STORE_TOKENS = True
SOCIALACCOUNT_REQUESTS_TIMEOUT = env.int("PARLEY_SOCIAL_REQUESTS_TIMEOUT", default=5)
# Mobile X login (no token flow in allauth): the browser redirect flow ends on
# one of these app callback URLs with a one-time code (accounts/app_login.py).
PARLEY_APP_CALLBACK_URLS = env.list("PARLEY_APP_CALLBACK_URLS", default=[])
PARLEY_APP_LOGIN_CODE_TTL = env.int("PARLEY_APP_LOGIN_CODE_TTL", default=60)
# The display-name policy (2..40 characters, no banned terms), owned by the comments adapter.
PARLEY_DISPLAY_NAME_CHECK = "comments.adapter.check_display_name"

# --- Django REST framework ------------------------------------------------
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "allauth.headless.contrib.rest_framework.authentication.XSessionTokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.AllowAny"],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": ["config.api.parsers.LimitedJSONParser"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "EXCEPTION_HANDLER": "config.api.exceptions.exception_handler",
    "UNAUTHENTICATED_USER": "django.contrib.auth.models.AnonymousUser",
}
SPECTACULAR_SETTINGS = {
    # Swagger UI's assets are served by Parley itself (no CDN): docs work offline
    # and behind a strict Content-Security-Policy.
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "TITLE": "Parley API",
    "DESCRIPTION": "Comments and moderation for news publishers.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "ENUM_NAME_OVERRIDES": {
        "CommentStatusEnum": ["published", "pending", "rejected", "deleted"],
        "DataExportStatusEnum": ["pending", "ready", "failed"],
    },
    # Error answers (one shape, codes per status) added to every /api/v1/ operation.
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "config.api.schema.add_error_responses",
    ],
}

# --- Celery -----------------------------------------------------------------
CELERY_BROKER_URL = env.str("CELERY_BROKER_URL", default="")
CELERY_TASK_ALWAYS_EAGER = not CELERY_BROKER_URL
if CELERY_TASK_ALWAYS_EAGER:
    # In-process tasks never reach a broker; naming the in-memory transport keeps
    # kombu from guessing "localhost" (and warning) when something builds a connection.
    CELERY_BROKER_URL = "memory://"
CELERY_TASK_EAGER_PROPAGATES = False
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TIMEZONE = TIME_ZONE
# Tasks go to this queue; workers consume it (``celery -A config worker -Q ...``).
CELERY_TASK_DEFAULT_QUEUE = env.str("CELERY_TASK_DEFAULT_QUEUE", default="celery")
# Redis only: a message a worker took but never acknowledged (the worker died)
# goes back to the queue after this many seconds: longer than any task runs.
# Workers look for such messages every interval x throttle seconds (kombu's
# defaults, 10 x 10); the integration tests shorten all three.
CELERY_BROKER_TRANSPORT_OPTIONS = {
    "visibility_timeout": env.int("CELERY_VISIBILITY_TIMEOUT", default=3600),
    "unacked_restore_interval": env.int("CELERY_UNACKED_RESTORE_INTERVAL", default=10),
    "unacked_restore_throttle": env.int("CELERY_UNACKED_RESTORE_THROTTLE", default=10),
    # A broker that stops answering must not hang a web request that enqueues
    # after commit: give up after a few seconds (the sweep screens it later).
    "socket_timeout": env.float("CELERY_BROKER_SOCKET_TIMEOUT", default=5.0),
    "socket_connect_timeout": env.float("CELERY_BROKER_SOCKET_TIMEOUT", default=5.0),
}
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
# Nothing is lost: comments whose slow screening never ran (broker down, a
# worker killed) are re-enqueued, and so is a policy re-screen that never finished.
CELERY_BEAT_SCHEDULE: dict = {
    "comments-sweep-unscreened": {
        "task": "comments.tasks.comments_sweep_unscreened",
        "schedule": 60.0,
    },
    "comments-data-exports-sweep": {
        "task": "comments.tasks.data_exports_sweep",
        "schedule": 600.0,
    },
    "moderation-rescreen-sweep": {
        "task": "moderation.tasks.screening.moderation_rescreen_sweep",
        "schedule": 300.0,
    },
}

# --- E-mail ------------------------------------------------------------------
EMAIL_CONFIG = env.email_url("EMAIL_URL", default="consolemail://")
vars().update(EMAIL_CONFIG)
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="Parley <noreply@localhost>")

# --- Parley -------------------------------------------------------------------
# The policy/screening adapter that comments calls (see comments/adapter.py).
PARLEY_COMMENTS_ADAPTER = env.str(
    "PARLEY_COMMENTS_ADAPTER", default="moderation.adapter.ModerationCommentsAdapter"
)
# A comment whose slow screening has not run this long after it was saved is
# picked up again by the sweep (comments.tasks.comments_sweep_unscreened).
PARLEY_SCREENING_SWEEP_GRACE_SECONDS = env.int("PARLEY_SCREENING_SWEEP_GRACE_SECONDS", default=120)
# Data exports built in the background (POST /api/v1/me/exports/): kept this long,
# and a ready one is handed back rather than built again within the interval.
PARLEY_EXPORT_TTL_HOURS = env.int("PARLEY_EXPORT_TTL_HOURS", default=168)
PARLEY_EXPORT_MIN_INTERVAL_HOURS = env.int("PARLEY_EXPORT_MIN_INTERVAL_HOURS", default=24)
# The toxicity model (scikit-learn) in the slow screening: "auto" runs it only
# in Celery workers (not when tasks run in-process, as on the embedded default).
PARLEY_TOXICITY = env.str("PARLEY_TOXICITY", default="auto").lower()
# Parley's own classifier (moderation/engine/classifier.py): same choices; unset = as toxicity.
PARLEY_CLASSIFIER = env.str("PARLEY_CLASSIFIER", default=PARLEY_TOXICITY).lower()
# Rate limits can be switched off for load tests and local demos.
PARLEY_RATE_LIMITS = env.str("PARLEY_RATE_LIMITS", default="on").lower() not in {
    "off",
    "0",
    "false",
    "no",
}
# Service tokens a CMS uses to upsert articles (Authorization: Token <t>).
PARLEY_CMS_TOKENS = env.list("PARLEY_CMS_TOKENS", default=[])

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="INFO")},
}

# --- Production hardening ----------------------------------------------------
if not DEBUG:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
    SESSION_COOKIE_SECURE = env.bool("SESSION_COOKIE_SECURE", default=True)
    CSRF_COOKIE_SECURE = env.bool("CSRF_COOKIE_SECURE", default=True)
    SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=60 * 60 * 24 * 365)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = env.bool("SECURE_HSTS_PRELOAD", default=False)
    if not SECURE_HSTS_PRELOAD:
        # Preloading is a one-way commitment for the publisher's whole domain:
        # an operator opts in with SECURE_HSTS_PRELOAD=true, we don't choose it.
        SILENCED_SYSTEM_CHECKS = ["security.W021"]
    SECURE_CONTENT_TYPE_NOSNIFF = True
