from django.urls import path

from . import views

app_name = "team"

urlpatterns = [
    path("", views.home, name="home"),
    path("uitnodigen/", views.invitation_new, name="invitation_new"),
    path("uitnodiging/<int:pk>/", views.invitation_detail, name="invitation"),
    path("uitnodiging/<int:pk>/intrekken/", views.invitation_cancel, name="invitation_cancel"),
    path("koppeling/<int:pk>/", views.link_scope, name="link_scope"),
    path("koppeling/<int:pk>/stoppen/", views.link_end, name="link_end"),
    path("verzoek/<int:pk>/", views.request_answer, name="request_answer"),
    path("wie-keek-mee/", views.access_log, name="access_log"),
    path("plan/", views.plan, name="plan"),
    path("plan/<int:pk>/klaar/", views.plan_item_done, name="plan_item_done"),
    path("plan/hulp/<int:step_id>/", views.step_help, name="step_help"),
    path(
        "plan/bericht/<int:pk>/weghalen/", views.encouragement_remove, name="encouragement_remove"
    ),
    path("steun/", views.supporting, name="supporting"),
    path("steun/uitnodigen/<int:person_pk>/", views.support_invite, name="support_invite"),
    path("steun/<int:pk>/", views.support_plan, name="support_plan"),
    path("steun/<int:pk>/aanmoedigen/", views.support_encourage, name="support_encourage"),
    path("steun/<int:pk>/stoppen/", views.support_end, name="support_end"),
    path("code/", views.redeem, name="redeem"),
    path("code/<str:code>/", views.redeem, name="redeem_code"),
    path("verzoek-sturen/", views.request_send, name="request_send"),
    path("clienten/", views.clients, name="clients"),
    path("clienten/<int:client_id>/", views.client_detail, name="client"),
    path("clienten/<int:client_id>/plan/", views.client_plan, name="client_plan"),
    path("overzicht/", views.gap, name="gap"),
    path("overzicht.csv", views.gap_csv, name="gap_csv"),
    path("rapport/", views.report, name="report"),
]
