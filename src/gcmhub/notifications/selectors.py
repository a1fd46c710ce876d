from gcmhub.notifications.models import Notification


def notification_exists(*, key: str) -> bool:
    return Notification.objects.filter(key=key).exists()
