from rest_framework.permissions import SAFE_METHODS, BasePermission


class IsOwnerOrReadOnly(BasePermission):
    def has_object_permission(self, request, view, obj):
        if request.method in SAFE_METHODS:
            return True
        return obj.owner_id == request.user.id


class IsCatalogManager(BasePermission):
    message = "catalog managers only"

    def has_permission(self, request, view):
        return bool(request.user and request.user.has_perm("catalog.change_product"))
