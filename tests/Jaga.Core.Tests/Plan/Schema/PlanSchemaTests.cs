using Jaga.Core.Plan.Schema;

namespace Jaga.Core.Tests.Plan.Schema;

/// <summary>The schema drives validation and the binder drives the records: the two must name the same keys.</summary>
public sealed class PlanSchemaTests
{
    public static TheoryData<string> Objects()
    {
        var data = new TheoryData<string>();
        foreach (var (path, _) in ObjectShapes()) data.Add(path);
        return data;
    }

    [Theory]
    [MemberData(nameof(Objects))]
    public void Schema_is_in_sync_with_the_model(string path)
    {
        var shape = ObjectShapes().Single(o => o.Path == path).Shape;
        Assert.NotNull(shape.Model);

        var fields = shape.Fields.Select(f => f.Name).Order().ToList();
        if (shape.Variants.Count == 0)
        {
            Assert.Equal(fields, Parameters(shape.Model));
            return;
        }
        // A kind of thing: each kind's record takes its own key and only keys of the shape, and together they take every key.
        Assert.Equal(shape.OneOf.Order(), shape.Variants.Keys.Order());
        foreach (var (key, model) in shape.Variants)
        {
            Assert.True(model.IsSealed && model.IsAssignableTo(shape.Model), $"{model.Name} is not a sealed {shape.Model.Name}");
            Assert.Contains(key, Parameters(model));
            Assert.Empty(Parameters(model).Except(fields));
            Assert.Empty(shape.OneOf.Except([key]).Intersect(Parameters(model)));
        }
        Assert.Equal(fields, shape.Variants.Values.SelectMany(Parameters).Distinct().Order());
    }

    private static IEnumerable<string> Parameters(Type model) =>
        model.GetConstructors().Single().GetParameters().Select(p => PlanBinder.SnakeCase(p.Name!)).Order();

    [Fact]
    public void Every_object_of_the_plan_has_a_model()
    {
        var objects = ObjectShapes().ToList();

        Assert.True(objects.Count >= 25, $"only {objects.Count} objects found: the walk misses part of the schema");
        Assert.All(objects, o => Assert.True(o.Shape.Model is not null, $"{o.Path} has no model"));
    }

    [Fact]
    public void Snake_case_splits_before_each_capital()
    {
        Assert.Equal("env_files", PlanBinder.SnakeCase("EnvFiles"));
        Assert.Equal("s3", PlanBinder.SnakeCase("S3"));
        Assert.Equal("os_packages", PlanBinder.SnakeCase("OsPackages"));
        Assert.Equal("restore_into", PlanBinder.SnakeCase("restoreInto"));
    }

    /// <summary>Every object shape reachable from the root, named by its path in the plan.</summary>
    private static IEnumerable<(string Path, ObjectShape Shape)> ObjectShapes()
    {
        var pending = new Stack<(string, Shape)>([("(root)", PlanSchema.Root)]);
        while (pending.TryPop(out var next))
        {
            var (path, shape) = next;
            switch (shape)
            {
                case ObjectShape o:
                    yield return (path, o);
                    foreach (var f in o.Fields) pending.Push((path == "(root)" ? f.Name : $"{path}.{f.Name}", f.Shape));
                    break;
                case ListShape l:
                    pending.Push(($"{path}[]", l.Item));
                    break;
                case MapShape m:
                    pending.Push(($"{path}.<{m.KeyMeaning}>", m.Value));
                    break;
                case UnionShape u:
                    foreach (var option in u.Options) pending.Push((path, option));
                    break;
            }
        }
    }
}
