from rest_framework import serializers

from .models import Product, Review

ORDERING_CHOICES = ["name", "-name", "price", "-price"]


class ProductSerializer(serializers.ModelSerializer):
    category = serializers.SlugRelatedField(slug_field="slug", read_only=True)

    class Meta:
        model = Product
        fields = ["id", "name", "brand", "category", "price", "tags", "created_at"]
        read_only_fields = ["created_at"]


class ProductSearchSerializer(serializers.Serializer):
    q = serializers.CharField(max_length=100)
    ordering = serializers.ChoiceField(choices=ORDERING_CHOICES, required=False)
    category = serializers.IntegerField(required=False)


class ReviewSerializer(serializers.ModelSerializer):
    class Meta:
        model = Review
        fields = ["id", "product", "rating", "body"]

    def validate_rating(self, value):
        if not 1 <= value <= 5:
            raise serializers.ValidationError("rating must be between 1 and 5")
        return value

    def validate_body(self, value):
        return value.strip()


class BulkTagSerializer(serializers.Serializer):
    tag = serializers.CharField(max_length=40)
    product_ids = serializers.ListField(child=serializers.IntegerField(), max_length=500)
