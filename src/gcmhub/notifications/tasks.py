"""Background tasks: run in-process after commit by default, or by `gcmhub db_worker`."""

from django_tasks import task


@task()
def send_notification(notification_id: int) -> bool:
    from gcmhub.notifications.actions import notification_deliver

    return notification_deliver(notification_id=notification_id)
